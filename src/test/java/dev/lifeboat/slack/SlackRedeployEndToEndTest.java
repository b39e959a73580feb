package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.lifeboat.slack.SlackWire.field;
import static dev.lifeboat.slack.SlackWire.indexOf;
import static dev.lifeboat.slack.SlackWire.readable;
import static dev.lifeboat.slack.SlackWire.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RunningLifeboat;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    static SlackWire slack;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackWire(CHANNEL);
        wire = slack.wire;
        String base = base();
        Map<String, String> env = slack.env(TOKEN, SECRET, OPERATOR, dataDir);
        slack.putHeroku(env, APP);
        env.put("LIFEBOAT_GITHUB_REPO", "acme/shop");
        env.put("GITHUB_TOKEN", GITHUB_TOKEN);
        env.put("GITHUB_API_URL", base + "/gh");
        lifeboat = RunningLifeboat.start(env, List.of(SlackWire.fastWaits()));
        slack.sendTo(lifeboat, SECRET);
        slack.whenLate(path -> String.valueOf(upstream()));
    }

    static String base() {
        return slack.base();
    }

    @AfterAll
    static void stop() {
        slack.stop(lifeboat);
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
        slack.reset();
        slack.stubThreadReplies();

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

    CompletableFuture<HttpResponse<String>> click(JsonNode payload) {
        return slack.sendPayloadAsync(payload);
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
        int path = slack.slash(text, OPERATOR);
        JsonNode answer = slack.answer(path);
        Matcher id = Pattern.compile("/dr confirm (r-[a-z2-9]+)").matcher(readable(answer));
        assertTrue(id.find(), readable(answer));
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
                slack.responseUrl(card.path()), "8473651207.1395872398.redeploy-click")).get();
        assertEquals(200, ack.statusCode(), ack.body());
    }

    /** The run message's last edit once the run ended. */
    static String finalMessage(String marker) throws InterruptedException {
        slack.awaitMatching("/api/chat.update", r -> textOf(r).contains(marker), 1);
        slack.awaitMatching("/api/chat.postMessage", r -> field(r, "thread_ts") != null
                && textOf(r).contains(marker), 1);
        return textOf(slack.posts("/api/chat.update").stream()
                .max(Comparator.comparing(LoggedRequest::getLoggedDate)).orElseThrow());
    }

    // ---- the tests ------------------------------------------------------------------------------------------

    @Test
    void aRedeployOfTheStableBranchFromTheCardToTheAppAnswering() throws Exception {
        Card card = card("redeploy");

        String shown = readable(card.answer());
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
        assertEquals(1, slack.posts("/api/chat.postMessage").stream().filter(r -> field(r, "thread_ts") == null)
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
        JsonNode body = TypedCommands.read(slack.posts(BUILDS).get(0).getBodyAsString());
        assertEquals(codeload(), body.path("source_blob").path("url").asText());
        assertEquals(SHA, body.path("source_blob").path("version").asText());
        assertEquals(0, calls.stream().filter(c -> c.startsWith("GET /codeload")).count(), "Lifeboat never downloads it");
        assertFalse(saidToSlack().contains(DOWNLOAD_TOKEN), "the download token reaches no Slack message");
        assertFalse(saidToSlack().contains(GITHUB_TOKEN));
        String history = readable(slack.answer(slack.slash("history " + card.runId(), OPERATOR)));
        assertTrue(history.contains("`redeploy: Redeploy acme-prod from main (3b1f9c0)` → succeeded"), history);
        assertFalse(history.contains(DOWNLOAD_TOKEN), history);
        assertEquals(List.of(), wire.findAllUnmatchedRequests().stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    }

    @Test
    void anUnknownRefIsRefusedAndNothingIsProposedOrBuilt() throws Exception {
        String answer = readable(slack.answer(slack.slash("redeploy nope", OPERATOR)));

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
        String failedReply = slack.posts("/api/chat.postMessage").stream().map(SlackWire::textOf)
                .filter(t -> t.startsWith(":x: ")).findFirst().orElseThrow();
        assertTrue(failedReply.contains("failed at Heroku (build 5e0c2a4b); its last output line: \"Push failed\"."),
                failedReply);
        assertFalse(failedReply.contains("```"), "a step's line opens no code block it cannot close: " + failedReply);
        assertFalse(saidToSlack().contains("s3cr3t-registry-pass"), "a password in the build output is redacted");
        List<String> calls = upstream();
        assertTrue(calls.contains("GET /build-output/streams/" + BUILD), calls.toString());
        assertFalse(calls.contains("GET " + RELEASE_INFO), "no release to wait for: " + calls);
        assertFalse(calls.contains("GET " + APP_HEALTH), "no probe: " + calls);
        assertEquals(1, slack.posts(BUILDS).size());
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
                slack.responseUrl(card.path()), "8473651207.1395872398.double-click");

        CompletableFuture<HttpResponse<String>> first = click(payload);
        CompletableFuture<HttpResponse<String>> second = click(payload);
        assertEquals(200, first.get().statusCode());
        assertEquals(200, second.get().statusCode());

        finalMessage("Redeployed acme-prod");
        Thread.sleep(300);
        assertEquals(1, slack.posts(BUILDS).size(), "one build at Heroku: " + upstream());
        assertEquals(1, upstream().stream().filter(c -> c.equals("GET " + TARBALL)).count(), upstream().toString());
        List<String> answers = new ArrayList<>(slack.awaitMatching("/respond/" + card.path(), r -> true, 3).stream()
                .map(r -> readable(TypedCommands.read(r.getBodyAsString())))
                .filter(a -> !a.startsWith("Redeploy acme-prod from main?")).toList());
        String told = String.join("\n---\n", answers);
        assertEquals(1, answers.stream().filter(a -> a.contains(":rocket: Run `" + card.runId() + "` started")).count(), told);
        assertEquals(1, answers.stream().filter(a -> a.contains("Run " + card.runId() + " is already running")).count(), told);
    }
}
