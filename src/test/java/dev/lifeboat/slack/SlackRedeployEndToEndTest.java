package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.lifeboat.runbook.RetryBackoff;
import dev.lifeboat.runbook.Waiter;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SlackRequests;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /dr redeploy} end to end over HTTP, as people in Slack live it: a signed slash command answers a private card
 * (the commit GitHub resolved beside the release running now); a click on *Redeploy* starts the run, which asks GitHub
 * for the tarball's download URL, hands it to Heroku's Build API, follows the build and its release phase and probes
 * the app, while the incident channel shows one message edited to its final state. WireMock plays Slack, GitHub,
 * Heroku (with its output streams) and the app; waits are shortened; everything else is the real wiring.
 */
class SlackRedeployEndToEndTest {
    static final String SECRET = "redeploy-e2e-signing-secret-0123456789";
    static final String TOKEN = "xoxb-0000-redeploy-token";
    static final String GITHUB_TOKEN = "ghp_RedeployE2eT0ken0123456789abcdefXYZ";
    static final String APP = "acme-prod";
    static final String OPERATOR = "U0OPERATOR";
    static final String CHANNEL = "C0INCIDENT";
    static final String SHA = "3b1f9c0d2e4a6b8c0d1e2f3a4b5c6d7e8f9a0b1c";
    static final String RUNNING_SHA = "0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b";
    static final String BUILD = "5e0c2a4b-6d8f-4a1c-9e3b-7d5f1a3c5e7b";
    static final String RELEASE = "7f1e3d5c-9b2a-4c6e-8f0a-1b3d5f7a9c2e";
    static final String RUNNING = "1c3e5a7b-9d0f-4b2d-8e4a-6c8e0a2c4e6f";
    static final String RUNNING_SLUG = "6a8c0e2b-4d6f-4a8c-9e0b-2d4f6a8c0e2b";
    static final String DOWNLOAD_TOKEN = "ONE-OFF-CODELOAD-TOKEN-42";

    static final String API = "/heroku-api/apps/" + APP;
    static final String COMMIT_MAIN = "/gh/repos/acme/shop/commits/main";
    static final String COMMIT_SHA = "/gh/repos/acme/shop/commits/" + SHA;
    static final String TARBALL = "/gh/repos/acme/shop/tarball/" + SHA;
    static final String BUILDS = API + "/builds";
    static final String BUILD_INFO = BUILDS + "/" + BUILD;
    static final String RELEASE_INFO = API + "/releases/" + RELEASE;
    static final String APP_HEALTH = "/app/up";

    static WireMockServer wire;
    static RunningLifeboat lifeboat;
    static SlackRequests slack;
    static final HttpClient http = HttpClient.newHttpClient();
    static final AtomicInteger paths = new AtomicInteger();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        String base = base();
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", TOKEN);
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", base + "/api/");
        env.put("LIFEBOAT_OPERATORS", OPERATOR);
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        env.put("LIFEBOAT_INCIDENT_CHANNEL", CHANNEL);
        env.put("HEROKU_API_KEY", "heroku-e2e-api-key-0000");
        env.put("HEROKU_APP", APP);
        env.put("HEROKU_API_URL", base + "/heroku-api");
        env.put("HEROKU_DATA_API_URL", base + "/heroku-data");
        env.put("HEROKU_STATUS_URL", base + "/heroku-status");
        env.put("APP_URL", base + "/app");
        env.put("APP_HEALTH_PATH", "/up");
        env.put("LIFEBOAT_GITHUB_REPO", "acme/shop");
        env.put("GITHUB_TOKEN", GITHUB_TOKEN);
        env.put("GITHUB_API_URL", base + "/gh");
        lifeboat = RunningLifeboat.start(env, List.of(fast()));
        slack = new SlackRequests(lifeboat.uri("/slack/events"), SECRET);
    }

    static String base() {
        return "http://127.0.0.1:" + wire.port();
    }

    /** Every wait of a run (polls, probes, retries) takes at most 20 ms; the timings are the production ones. */
    static Module fast() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Waiter.class).toInstance(d -> Thread.sleep(Math.min(20, Math.max(0, d.toMillis()))));
                bind(RetryBackoff.class).toInstance(new RetryBackoff(Duration.ofMillis(10), Duration.ofMillis(20), 3));
            }
        };
    }

    @AfterAll
    static void stop() {
        if (lifeboat != null) {
            lifeboat.close();
        }
        wire.stop();
    }

    static String render(String fixture) {
        return Fixtures.read(fixture).replace("{{base}}", base()).replace("{{sha}}", SHA)
                .replace("{{tarball}}", codeload());
    }

    static String codeload() {
        return base() + "/codeload/acme/shop/legacy.tar.gz/" + SHA + "?token=" + DOWNLOAD_TOKEN;
    }

    /** The release running now: v42, a deploy of {@link #RUNNING_SHA} three days ago. */
    static String running() {
        ObjectNode release = TypedCommands.read(render("heroku/release-succeeded.json"));
        release.put("id", RUNNING).put("version", 42).put("description", "Deploy 0a9b8c7")
                .put("created_at", Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS).toString())
                .putNull("output_stream_url");
        ((ObjectNode) release.path("slug")).put("id", RUNNING_SLUG);
        ((ObjectNode) release.path("user")).put("email", "maria@acme.example");
        return release.toString();
    }

    @BeforeEach
    void world() {
        wire.resetAll();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wire.stubFor(post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(Fixtures.read("slack/chat-postMessage.json"))));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).withRequestBody(containing("thread_ts="))
                .willReturn(okJson(Fixtures.read("slack/chat-postMessage-thread.json"))));
        wire.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson(Fixtures.read("slack/chat-update.json"))));

        // GitHub: main is SHA; its tarball redirects to a one-off codeload URL.
        wire.stubFor(get(urlEqualTo(COMMIT_MAIN)).willReturn(okJson(Fixtures.read("github/commit.json"))));
        wire.stubFor(get(urlEqualTo(COMMIT_SHA)).willReturn(okJson(Fixtures.read("github/commit.json"))));
        wire.stubFor(get(urlEqualTo("/gh/repos/acme/shop/commits/nope")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read("github/error-422-no-commit.json").replace("no-such-branch", "nope"))));
        wire.stubFor(get(urlEqualTo(TARBALL)).willReturn(aResponse().withStatus(302).withHeader("Location", codeload())));

        // Heroku: v42 runs RUNNING_SHA; a build takes three reads, its release phase two.
        wire.stubFor(get(urlEqualTo(API + "/releases")).willReturn(okJson("[" + running() + "]")));
        wire.stubFor(get(urlEqualTo(API + "/releases/" + RUNNING)).willReturn(okJson(running())));
        wire.stubFor(get(urlEqualTo(API + "/slugs/" + RUNNING_SLUG)).willReturn(okJson(render("heroku/slug.json")
                .replace(SHA, RUNNING_SHA).replace("4d6f8a0c-2e4a-4b6c-8d0e-3f5a7c9e1b4d", RUNNING_SLUG))));
        wire.stubFor(post(urlEqualTo(BUILDS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(render("heroku/build-pending.json"))));
        build("heroku/build-succeeded.json");
        release("heroku/release-succeeded.json");
        wire.stubFor(get(urlPathEqualTo("/build-output/streams/" + BUILD)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody(Fixtures.read("heroku/build-output-failed.txt"))));
        wire.stubFor(get(urlPathEqualTo("/release-output/streams/" + RELEASE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody(Fixtures.read("heroku/release-output-failed.txt"))));
        wire.stubFor(get(urlEqualTo(APP_HEALTH)).willReturn(aResponse().withStatus(200).withBody("OK")));
    }

    /** The build reads pending twice, then {@code end}. */
    static void build(String end) {
        wire.stubFor(get(urlEqualTo(BUILD_INFO)).inScenario("build").whenScenarioStateIs(STARTED)
                .willReturn(okJson(render("heroku/build-pending.json"))).willSetStateTo("read once"));
        wire.stubFor(get(urlEqualTo(BUILD_INFO)).inScenario("build").whenScenarioStateIs("read once")
                .willReturn(okJson(render("heroku/build-pending.json"))).willSetStateTo("done"));
        wire.stubFor(get(urlEqualTo(BUILD_INFO)).inScenario("build").whenScenarioStateIs("done")
                .willReturn(okJson(render(end))));
    }

    /** The release reads pending once (its release phase), then {@code end}. */
    static void release(String end) {
        wire.stubFor(get(urlEqualTo(RELEASE_INFO)).inScenario("release").whenScenarioStateIs(STARTED)
                .willReturn(okJson(render("heroku/release-pending.json"))).willSetStateTo("done"));
        wire.stubFor(get(urlEqualTo(RELEASE_INFO)).inScenario("release").whenScenarioStateIs("done")
                .willReturn(okJson(render(end))));
    }

    // ---- Slack, as people use it ------------------------------------------------------------------------------

    String responseUrl(int n) {
        return base() + "/respond/" + n;
    }

    int slash(String text, String user) throws Exception {
        int n = paths.incrementAndGet();
        HttpResponse<String> ack = http.send(slack.signed(SlackRequests.slashCommandBody(text, user, CHANNEL, responseUrl(n))),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ack.statusCode(), ack.body());
        return n;
    }

    CompletableFuture<HttpResponse<String>> click(JsonNode payload) {
        String body = "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
        return http.sendAsync(slack.signed(body), HttpResponse.BodyHandlers.ofString());
    }

    static List<LoggedRequest> posts(String path) {
        return wire.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    static List<LoggedRequest> awaitMatching(String path, Predicate<LoggedRequest> which, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            List<LoggedRequest> found = posts(path).stream().filter(which).toList();
            if (found.size() >= count) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("fewer than " + count + " POSTs to " + path + " within 15 s; had " + found.size()
                        + "\n" + upstream());
            }
            Thread.sleep(20);
        }
    }

    static JsonNode answer(int n) throws InterruptedException {
        return TypedCommands.read(awaitMatching("/respond/" + n, r -> true, 1).get(0).getBodyAsString());
    }

    /** Every call that reached GitHub, Heroku, an output stream, codeload or the app, in the order they arrived. */
    static List<String> upstream() {
        return wire.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> !r.getUrl().startsWith("/api/") && !r.getUrl().startsWith("/respond/"))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> r.getMethod() + " " + r.getUrl().replaceAll("\\?.*", ""))
                .collect(Collectors.toList());
    }

    /** Everything Lifeboat said to Slack: messages, edits and answers. */
    static String saidToSlack() {
        return wire.findAll(postRequestedFor(urlPathMatching("/(api|respond)/.*"))).stream()
                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
    }

    record Card(int path, JsonNode answer, String runId, String[] redeploy) {
    }

    Card card(String text) throws Exception {
        int path = slash(text, OPERATOR);
        JsonNode answer = answer(path);
        Matcher id = Pattern.compile("/dr confirm (r-[a-z2-9]+)").matcher(SlackRestoreEndToEndTest.readable(answer));
        assertTrue(id.find(), SlackRestoreEndToEndTest.readable(answer));
        for (JsonNode block : answer.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("text").path("text").asText().equals("Redeploy")) {
                    return new Card(path, answer, id.group(1), new String[] {element.path("action_id").asText(),
                            element.path("value").asText()});
                }
            }
        }
        throw new AssertionError("no Redeploy button in " + answer);
    }

    void confirm(Card card) throws Exception {
        HttpResponse<String> ack = click(TypedCommands.click(card.redeploy()[0], card.redeploy()[1], OPERATOR, CHANNEL,
                responseUrl(card.path()), "8473651207.1395872398.redeploy-click")).get();
        assertEquals(200, ack.statusCode(), ack.body());
    }

    /** The run message's last edit once the run ended. */
    static String finalMessage(String marker) throws InterruptedException {
        awaitMatching("/api/chat.update", r -> SlackRestoreEndToEndTest.textOf(r).contains(marker), 1);
        awaitMatching("/api/chat.postMessage", r -> SlackRestoreEndToEndTest.field(r, "thread_ts") != null
                && SlackRestoreEndToEndTest.textOf(r).contains(marker), 1);
        return SlackRestoreEndToEndTest.textOf(posts("/api/chat.update").stream()
                .max(Comparator.comparing(LoggedRequest::getLoggedDate)).orElseThrow());
    }

    static int indexOf(List<String> calls, String call, int from) {
        return SlackRestoreEndToEndTest.indexOf(calls, call, from);
    }

    // ---- the tests ------------------------------------------------------------------------------------------

    @Test
    void aRedeployOfTheStableBranchFromTheCardToTheAppAnswering() throws Exception {
        Card card = card("redeploy");

        String shown = SlackRestoreEndToEndTest.readable(card.answer());
        assertEquals("ephemeral", card.answer().path("response_type").asText(), "the card is private");
        assertTrue(shown.contains("Redeploy acme-prod from main?"), shown);
        assertTrue(shown.contains("*Deploys*\n`3b1f9c0` Fix checkout totals for carts in JPY\nby Dana Scully, "), shown);
        assertTrue(shown.contains("acme/shop `main`"), shown);
        assertTrue(shown.contains("*Runs now*\nv42 · Deploy 0a9b8c7\n3 days ago by maria@acme.example\ncommit `0a9b8c7`")
                || shown.contains("*Runs now*\nv42 · Deploy 0a9b8c7\n72 h ago by maria@acme.example\ncommit `0a9b8c7`")
                || Pattern.compile("\\*Runs now\\*\nv42 · Deploy 0a9b8c7\n[^\n]+ ago by maria@acme.example\ncommit `0a9b8c7`")
                .matcher(shown).find(), shown);
        assertEquals(0, upstream().stream().filter(c -> c.startsWith("POST")).count(), "the card changes nothing: " + upstream());
        List<String> beforeConfirm = upstream();

        confirm(card);

        String outcome = finalMessage("Redeployed acme-prod");
        assertTrue(outcome.contains(":white_check_mark: *Succeeded*"), outcome);
        assertTrue(Pattern.compile("Redeployed acme-prod to 3b1f9c0 \\(main\\) as v43 in [^(]+\\(confirmation to the app "
                + "answering\\): built, released and answering\\.").matcher(outcome).find(), outcome);
        for (String step : List.of("Check commit 3b1f9c0 at GitHub (acme/shop)", "Start a Heroku build of 3b1f9c0 for acme-prod",
                "Wait for the build of 3b1f9c0", "Wait for the release and its release phase", "Check that acme-prod answers")) {
            assertTrue(Pattern.compile(Pattern.quote(step) + "\\*? — done").matcher(outcome).find(), step + " done in\n" + outcome);
        }
        assertEquals(1, posts("/api/chat.postMessage").stream().filter(r -> SlackRestoreEndToEndTest.field(r, "thread_ts") == null)
                .count(), "one run message in the channel");

        List<String> calls = upstream().subList(beforeConfirm.size(), upstream().size());
        int check = indexOf(calls, "GET " + COMMIT_SHA, 0);
        int tarball = indexOf(calls, "GET " + TARBALL, check);
        int post = indexOf(calls, "POST " + BUILDS, tarball);
        int firstRead = indexOf(calls, "GET " + BUILD_INFO, post);
        int releaseRead = indexOf(calls, "GET " + RELEASE_INFO, firstRead);
        indexOf(calls, "GET " + APP_HEALTH, releaseRead);
        assertEquals(3, calls.stream().filter(c -> c.equals("GET " + BUILD_INFO)).count(), "pending, pending, succeeded: " + calls);
        assertEquals(2, calls.stream().filter(c -> c.equals("GET " + RELEASE_INFO)).count(), "pending, succeeded: " + calls);
        assertEquals(List.of("GET " + COMMIT_MAIN, "GET " + API + "/releases", "GET " + API + "/releases/" + RUNNING,
                "GET " + API + "/slugs/" + RUNNING_SLUG), beforeConfirm, "the card read GitHub and Heroku only");

        // Heroku was handed the codeload URL GitHub redirected to, for the sha on the card; nobody else saw it.
        JsonNode body = TypedCommands.read(posts(BUILDS).get(0).getBodyAsString());
        assertEquals(codeload(), body.path("source_blob").path("url").asText());
        assertEquals(SHA, body.path("source_blob").path("version").asText());
        assertEquals(0, calls.stream().filter(c -> c.startsWith("GET /codeload")).count(), "Lifeboat never downloads it");
        assertFalse(saidToSlack().contains(DOWNLOAD_TOKEN), "the download token reaches no Slack message");
        assertFalse(saidToSlack().contains(GITHUB_TOKEN));
        String history = SlackRestoreEndToEndTest.readable(answer(slash("history " + card.runId(), OPERATOR)));
        assertTrue(history.contains("`redeploy: Redeploy acme-prod from main (3b1f9c0)` → succeeded"), history);
        assertFalse(history.contains(DOWNLOAD_TOKEN), history);
        assertEquals(List.of(), wire.findAllUnmatchedRequests().stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    }

    @Test
    void anUnknownRefIsRefusedAndNothingIsProposedOrBuilt() throws Exception {
        String answer = SlackRestoreEndToEndTest.readable(answer(slash("redeploy nope", OPERATOR)));

        assertTrue(answer.contains("GitHub has no branch, tag or commit `nope` in acme/shop (422)."), answer);
        assertTrue(answer.contains("Nothing was changed."), answer);
        assertFalse(answer.contains("/dr confirm"), answer);
        assertEquals(List.of("GET /gh/repos/acme/shop/commits/nope"), upstream(), "only GitHub was asked");
    }

    @Test
    void aFailedBuildShowsItsLastOutputLinesAndReleasesNothing() throws Exception {
        build("heroku/build-failed.json");
        Card card = card("redeploy");

        confirm(card);

        String outcome = finalMessage("The build failed");
        assertTrue(outcome.contains(":x: *Failed*"), outcome);
        assertTrue(outcome.contains("The build failed, so nothing was released: acme-prod still runs v42."), outcome);
        assertTrue(outcome.contains("```"), "the lines as a code block\n" + outcome);
        assertTrue(outcome.contains("Could not find gem 'sassc-rails (~> 2.1)'"), outcome);
        assertTrue(outcome.contains(" !     Push rejected, failed to compile Ruby app.\n !     Push failed\n```"), outcome);
        assertTrue(outcome.contains("Next: fix the build"), outcome);
        assertTrue(outcome.contains("Wait for the build of 3b1f9c0* — failed"), outcome);
        String failedReply = posts("/api/chat.postMessage").stream().map(SlackRestoreEndToEndTest::textOf)
                .filter(t -> t.startsWith(":x: ")).findFirst().orElseThrow();
        assertTrue(failedReply.contains("failed at Heroku (build 5e0c2a4b); its last output line: \"Push failed\"."),
                failedReply);
        assertFalse(failedReply.contains("```"), "a step's line opens no code block it cannot close: " + failedReply);
        assertFalse(saidToSlack().contains("s3cr3t-registry-pass"), "a password in the build output is redacted");
        List<String> calls = upstream();
        assertTrue(calls.contains("GET /build-output/streams/" + BUILD), calls.toString());
        assertFalse(calls.contains("GET " + RELEASE_INFO), "no release to wait for: " + calls);
        assertFalse(calls.contains("GET " + APP_HEALTH), "no probe: " + calls);
        assertEquals(1, posts(BUILDS).size());
    }

    @Test
    void aReleasePhaseThatFailsKeepsTheReleaseBeforeAndShowsItsOutput() throws Exception {
        release("heroku/release-failed.json");
        Card card = card("redeploy main");

        confirm(card);

        String outcome = finalMessage("failed its release phase");
        assertTrue(outcome.contains(":x: *Failed*"), outcome);
        assertTrue(outcome.contains("v43 failed its release phase, so Heroku kept v42 running on acme-prod."), outcome);
        assertTrue(outcome.contains("ActiveRecord::StatementInvalid: PG::DuplicateTable"), outcome);
        assertTrue(outcome.contains("Next: fix what the release phase printed"), outcome);
        List<String> calls = upstream();
        assertTrue(calls.contains("GET /release-output/streams/" + RELEASE), calls.toString());
        assertFalse(calls.contains("GET " + APP_HEALTH), "no probe of a release that did not go live: " + calls);
    }

    @Test
    void aDoubleClickedRedeployButtonBuildsOnce() throws Exception {
        Card card = card("redeploy");
        ObjectNode payload = TypedCommands.click(card.redeploy()[0], card.redeploy()[1], OPERATOR, CHANNEL,
                responseUrl(card.path()), "8473651207.1395872398.double-click");

        CompletableFuture<HttpResponse<String>> first = click(payload);
        CompletableFuture<HttpResponse<String>> second = click(payload);
        assertEquals(200, first.get().statusCode());
        assertEquals(200, second.get().statusCode());

        finalMessage("Redeployed acme-prod");
        Thread.sleep(300);
        assertEquals(1, posts(BUILDS).size(), "one build at Heroku: " + upstream());
        assertEquals(1, upstream().stream().filter(c -> c.equals("GET " + TARBALL)).count(), upstream().toString());
        List<String> answers = new ArrayList<>(awaitMatching("/respond/" + card.path(), r -> true, 3).stream()
                .map(r -> SlackRestoreEndToEndTest.readable(TypedCommands.read(r.getBodyAsString())))
                .filter(a -> !a.startsWith("Redeploy acme-prod from main?")).toList());
        String told = String.join("\n---\n", answers);
        assertEquals(1, answers.stream().filter(a -> a.contains(":rocket: Run `" + card.runId() + "` started")).count(), told);
        assertEquals(1, answers.stream().filter(a -> a.contains("Run " + card.runId() + " is already running")).count(), told);
    }
}
