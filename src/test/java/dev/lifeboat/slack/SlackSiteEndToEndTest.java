package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.lifeboat.slack.SlackWire.buttonLabels;
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
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.lifeboat.runbook.Waiter;
import dev.lifeboat.site.SiteTimings;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SlackRequests;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * {@code /dr site restore} and {@code /dr site rebuild} end to end over HTTP, as people in Slack live them: a signed
 * slash command answers a private card; a click on its button starts the run, which drives Netlify (WireMock playing
 * its API with the shapes of Netlify's OpenAPI description, and the site itself) while the incident channel shows
 * one message edited to its final state. Waits are shortened through a test {@link Waiter}; the rest is the real
 * wiring.
 */
class SlackSiteEndToEndTest {
    static final String SECRET = "site-e2e-signing-secret-0123456789";
    static final String TOKEN = "xoxb-0000-site-token";
    static final String NETLIFY_TOKEN = "nfp_SiteE2eT0ken0123456789SECRET";
    static final String SITE_ID = "b7c3a9d2-4e1f-4c8a-9d6b-0f2e5a7c1d3e";
    static final String OPERATOR = "U0OPERATOR";
    static final String CHANNEL = "C0INCIDENT";

    static final String SITE = "/netlify/api/v1/sites/" + SITE_ID;
    static final String DEPLOYS = SITE + "/deploys";
    static final String BUILDS = SITE + "/builds";
    static final String SITE_PAGE = "/site/";
    /** Live in {@code site.json}: “Fix footer links on pricing page”. */
    static final String LIVE = "663d2b8e4a1f9c0008b7c6d4";
    /** The newest ready production deploy older than the live one: “Add status banner”. */
    static final String PREVIOUS = "663b9e3c2d4f8a0008e1f2a2";
    /** What {@code build.json} starts: “Update shipping FAQ”. */
    static final String BUILT = "663f1c2a9b8e7d0008a1b2c6";
    static final String RESTORE = DEPLOYS + "/" + PREVIOUS + "/restore";

    static WireMockServer wire;
    static RunningLifeboat lifeboat;
    static SlackWire slack;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackWire(CHANNEL);
        wire = slack.wire;
        String base = slack.base();
        Map<String, String> env = slack.env(TOKEN, SECRET, OPERATOR, dataDir);
        env.put("NETLIFY_AUTH_TOKEN", NETLIFY_TOKEN);
        env.put("NETLIFY_SITE_ID", SITE_ID);
        env.put("NETLIFY_API_URL", base + "/netlify/api/v1");
        env.put("SITE_URL", base + SITE_PAGE);
        lifeboat = RunningLifeboat.start(env, List.of(fast()));
        slack.sendTo(lifeboat, SECRET);
        slack.whenLate(path -> netlify() + "\n" + slack.posts(path).stream().map(SlackWire::textOf).toList());
    }

    /** Every wait of a run (polls, probes, retries) takes at most 20 ms; the timings are the production ones. */
    static Module fast() {
        return Modules.combine(SlackWire.fastWaits(), b -> b.bind(SiteTimings.class).toInstance(SiteTimings.DEFAULT));
    }

    @AfterAll
    static void stop() {
        slack.stop(lifeboat);
    }

    @BeforeEach
    void world() {
        slack.reset();
        slack.stubThreadReplies();

        // The site serves LIVE until a publish or a finished build changes what it serves.
        wire.stubFor(get(urlEqualTo(SITE)).atPriority(5).willReturn(okJson(Fixtures.read("netlify/site.json"))));
        wire.stubFor(get(urlEqualTo(DEPLOYS + "?per_page=30")).willReturn(okJson(Fixtures.read("netlify/deploys.json"))));
        wire.stubFor(get(urlEqualTo(DEPLOYS + "/" + BUILT)).atPriority(5).willReturn(okJson(Fixtures.read("netlify/deploy-building.json"))));
        wire.stubFor(get(urlEqualTo(DEPLOYS + "/0123456789abcdef01234567")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.read("netlify/error-404.json"))));
        wire.stubFor(get(urlEqualTo(SITE_PAGE)).willReturn(aResponse().withStatus(200).withBody("<html>acme</html>")));

        // Publishing PREVIOUS: Netlify answers 201 with the deploy, and the site serves it from then on.
        wire.stubFor(post(urlEqualTo(RESTORE)).inScenario("site").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("netlify/deploy-restored.json")))
                .willSetStateTo("restored"));
        wire.stubFor(get(urlEqualTo(SITE)).atPriority(1).inScenario("site").whenScenarioStateIs("restored")
                .willReturn(okJson(siteServing("netlify/deploy-restored.json"))));
    }

    /** A build of BUILT: enqueued, building, then {@code last}; a ready build is published. */
    void buildEndsIn(String last) {
        wire.stubFor(post(urlEqualTo(BUILDS)).inScenario("site").whenScenarioStateIs(STARTED)
                .willReturn(okJson(Fixtures.read("netlify/build.json"))).willSetStateTo("enqueued"));
        wire.stubFor(get(urlEqualTo(DEPLOYS + "/" + BUILT)).atPriority(1).inScenario("site").whenScenarioStateIs("enqueued")
                .willReturn(okJson(Fixtures.read("netlify/deploy-enqueued.json"))).willSetStateTo("building"));
        wire.stubFor(get(urlEqualTo(DEPLOYS + "/" + BUILT)).atPriority(1).inScenario("site").whenScenarioStateIs("building")
                .willReturn(okJson(Fixtures.read("netlify/deploy-building.json"))).willSetStateTo("ended"));
        wire.stubFor(get(urlEqualTo(DEPLOYS + "/" + BUILT)).atPriority(1).inScenario("site").whenScenarioStateIs("ended")
                .willReturn(okJson(Fixtures.read("netlify/" + last))));
        if (last.equals("deploy-ready.json")) {
            wire.stubFor(get(urlEqualTo(SITE)).atPriority(1).inScenario("site").whenScenarioStateIs("ended")
                    .willReturn(okJson(siteServing("netlify/deploy-ready.json"))));
        }
    }

    /** {@code site.json} with another deploy published. */
    static String siteServing(String deployFixture) {
        ObjectNode site = TypedCommands.read(Fixtures.read("netlify/site.json"));
        site.set("published_deploy", TypedCommands.read(Fixtures.read(deployFixture)));
        return site.toString();
    }

    // ---- Slack, as people use it ------------------------------------------------------------------------------

    int slash(String text) throws Exception {
        return slack.slash(text, OPERATOR);
    }

    /** A click on the card's button labelled {@code label}, sent as Slack sends it. */
    CompletableFuture<HttpResponse<String>> click(JsonNode card, int cardPath, String label) {
        for (JsonNode block : card.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("text").path("text").asText().equals(label)) {
                    String body = SlackRequests.buttonClickBody(element.path("action_id").asText(),
                            element.path("value").asText(), OPERATOR, CHANNEL, slack.responseUrl(cardPath));
                    return slack.sendAsync(body);
                }
            }
        }
        throw new AssertionError("no button " + label + " in " + card);
    }

    /** Every call that reached Netlify or the site, in the order they arrived. */
    static List<String> netlify() {
        return wire.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().startsWith("/netlify/") || r.getUrl().startsWith(SITE_PAGE))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> r.getMethod() + " " + r.getUrl())
                .collect(Collectors.toList());
    }

    static long netlifyPosts() {
        return netlify().stream().filter(c -> c.startsWith("POST ")).count();
    }

    /** The last edit of the run message once it shows {@code state}. */
    static String finalMessage(String state) throws InterruptedException {
        slack.awaitMatching("/api/chat.update", r -> textOf(r).contains(state), 1);
        Thread.sleep(300);  // anything the run still had to say
        LoggedRequest last = slack.posts("/api/chat.update").stream().max(Comparator.comparing(LoggedRequest::getLoggedDate))
                .orElseThrow();
        return textOf(last);
    }

    static final Pattern RUN_ID = Pattern.compile("/dr confirm (r-[a-z0-9]+)");

    static String runId(String card) {
        Matcher m = RUN_ID.matcher(card);
        assertTrue(m.find(), card);
        return m.group(1);
    }

    /** Asserts {@code expected} calls appear in {@code calls} in this order (others may come between). */
    static void inOrder(List<String> calls, String... expected) {
        int from = 0;
        for (String call : expected) {
            from = indexOf(calls, call, from) + 1;
        }
    }

    // ---- site restore -----------------------------------------------------------------------------------------

    @Test
    void siteRestorePublishesThePreviousGoodDeployAndChecksTheSite() throws Exception {
        int cardPath = slash("site restore");
        JsonNode card = slack.answer(cardPath);
        String text = readable(card);

        assertEquals("ephemeral", card.path("response_type").asText(), "the card is private");
        assertTrue(text.contains("Publish an earlier deploy of lifeboat-www?"), text);
        assertTrue(text.contains("*Live now*\n`" + LIVE + "`\n“Fix footer links on pricing page”\ncommit 4a6c8e0 · built"
                + " 2024-05-09 11:20 UTC ("), text);
        assertTrue(text.contains("*Target*\n`" + PREVIOUS + "`\n“Add status banner”\ncommit e2a4c6e · built"
                + " 2024-05-08 14:47 UTC ("), text);
        assertTrue(text.contains("1. Publish deploy " + PREVIOUS + " “Add status banner” (commit e2a4c6e)\n"
                + "2. Wait until " + PREVIOUS + " is live\n3. Check that the site answers"), text);
        assertTrue(text.contains("`/dr site restore " + LIVE + "` brings it back"), text);
        assertEquals(List.of("Publish deploy", "Cancel"), buttonLabels(card));
        assertEquals(0, netlifyPosts(), "the card changes nothing at Netlify: " + netlify());
        String runId = runId(text);

        assertEquals(200, click(card, cardPath, "Publish deploy").get().statusCode());

        String outcome = finalMessage(":white_check_mark: *Succeeded*");
        assertTrue(outcome.contains("Deploy " + PREVIOUS + " “Add status banner” (commit e2a4c6e) is live on lifeboat-www"
                + " and the site answers (http://127.0.0.1:" + wire.port() + SITE_PAGE + " answers: 200 in "), outcome);
        assertTrue(outcome.contains("To go back: `/dr site restore " + LIVE + "`."), outcome);
        for (String step : List.of("Publish deploy " + PREVIOUS, "Wait until " + PREVIOUS + " is live",
                "Check that the site answers")) {
            assertTrue(Pattern.compile(Pattern.quote(step) + "[^\n]*— done").matcher(outcome).find(), step + " done in\n" + outcome);
        }
        List<LoggedRequest> runMessages = slack.posts("/api/chat.postMessage").stream().filter(r -> field(r, "thread_ts") == null).toList();
        assertEquals(1, runMessages.size(), "one run message in the channel");
        assertEquals(CHANNEL, field(runMessages.get(0), "channel"));

        List<String> calls = netlify();
        inOrder(calls, "GET " + SITE, "GET " + DEPLOYS + "?per_page=30", "POST " + RESTORE, "GET " + SITE, "GET " + SITE_PAGE);
        assertEquals(List.of("POST " + RESTORE), calls.stream().filter(c -> c.startsWith("POST")).toList(),
                "one publish, of the previous good deploy, and nothing else changed");
        assertTrue(slack.posts(RESTORE).get(0).getHeader("Authorization").equals("Bearer " + NETLIFY_TOKEN));
        assertTrue(slack.answers(cardPath, 2).stream().anyMatch(a -> a.contains(":rocket: Run `" + runId + "` started: Publish deploy "
                + PREVIOUS + " of lifeboat-www.")));
        assertEquals(List.of(), wire.findAllUnmatchedRequests().stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    }

    @Test
    void aDoubleClickedConfirmationPublishesOnce() throws Exception {
        int cardPath = slash("site restore " + PREVIOUS);
        JsonNode card = slack.answer(cardPath);
        String runId = runId(readable(card));

        CompletableFuture<HttpResponse<String>> first = click(card, cardPath, "Publish deploy");
        CompletableFuture<HttpResponse<String>> second = click(card, cardPath, "Publish deploy");
        assertEquals(200, first.get().statusCode());
        assertEquals(200, second.get().statusCode());

        finalMessage(":white_check_mark: *Succeeded*");
        Thread.sleep(300);
        assertEquals(1, slack.posts(RESTORE).size(), "exactly one publish at Netlify: " + netlify());
        assertEquals(1, slack.posts("/api/chat.postMessage").stream().filter(r -> field(r, "thread_ts") == null).count(),
                "one run message");
        List<String> told = slack.answers(cardPath, 3).stream().skip(1).toList();
        assertEquals(1, told.stream().filter(a -> a.contains(":rocket: Run `" + runId + "` started")).count(), told.toString());
        assertEquals(1, told.stream().filter(a -> a.contains("Run " + runId + " is already running")).count(), told.toString());
    }

    @Test
    void aDeployThatCannotBePublishedIsRefusedWithTheReason() throws Exception {
        String[][] cases = {
                {"site restore 0123456789abcdef01234567",
                        "Netlify has no deploy `0123456789abcdef01234567` on lifeboat-www. Deploys that can be published: `"
                                + PREVIOUS + "` “Add status banner” (built 2024-05-08 14:47 UTC ("},
                {"site restore 663e0a4f5c2b1a0008f3e4d5",
                        "Deploy `663e0a4f5c2b1a0008f3e4d5` cannot be published: it is `error` (Netlify: Build script returned"
                                + " non-zero exit code: 2), and only a deploy in state `ready` can be."},
                {"site restore 663cf01d7e6a5b0008c9d8e3",
                        "Deploy `663cf01d7e6a5b0008c9d8e3` is a deploy-preview of branch `feature/new-nav`, not a production"
                                + " deploy"},
                {"site restore " + LIVE, "Deploy `" + LIVE + "` “Fix footer links on pricing page” (commit 4a6c8e0) is already"
                        + " live on lifeboat-www; nothing to publish."},
                {"site restore ../../x", "not a Netlify deploy id"},
                {"site restore a b", "Give one deploy id at most"},
        };
        for (String[] c : cases) {
            String told = readable(slack.answer(slash(c[0])));
            assertTrue(told.contains(c[1]), c[0] + " →\n" + told);
            assertTrue(told.contains("Usage: `/dr site restore [DEPLOY]`"), told);
        }
        assertEquals(0, netlifyPosts(), "nothing was published: " + netlify());
        assertEquals(0, slack.posts("/api/chat.postMessage").size(), "no run, no message in the channel");
    }

    // ---- site rebuild -----------------------------------------------------------------------------------------

    @Test
    void siteRebuildFollowsTheBuildUntilItIsLiveAndTheSiteAnswers() throws Exception {
        buildEndsIn("deploy-ready.json");
        int cardPath = slash("site rebuild");
        JsonNode card = slack.answer(cardPath);
        String text = readable(card);

        assertTrue(text.contains("Rebuild lifeboat-www from branch main?"), text);
        assertTrue(text.contains("*Live now*\n`" + LIVE + "`\n“Fix footer links on pricing page”"), text);
        assertTrue(text.contains("*Build*\nthe newest commit of branch `main`\nfrom acme-shop/www (github)"), text);
        assertTrue(text.contains("1. Start a build of lifeboat-www from branch `main`\n2. Wait for Netlify's build\n"
                + "3. Wait until the new deploy is live\n4. Check that the site answers"), text);
        assertEquals(List.of("Rebuild the site", "Cancel"), buttonLabels(card));
        assertEquals(0, netlifyPosts(), "the card changes nothing: " + netlify());

        assertEquals(200, click(card, cardPath, "Rebuild the site").get().statusCode());

        String outcome = finalMessage(":white_check_mark: *Succeeded*");
        assertTrue(outcome.contains("Rebuilt lifeboat-www from branch `main`: deploy " + BUILT + " is live and the site"
                + " answers (http://127.0.0.1:" + wire.port() + SITE_PAGE + " answers: 200 in "), outcome);
        assertTrue(outcome.contains("To go back: `/dr site restore " + LIVE + "`."), outcome);
        assertTrue(outcome.contains(BUILT + " is ready “Update shipping FAQ” (commit 1f7c2e9)"), outcome);

        List<String> calls = netlify();
        inOrder(calls, "GET " + SITE, "POST " + BUILDS, "GET " + DEPLOYS + "/" + BUILT, "GET " + DEPLOYS + "/" + BUILT,
                "GET " + DEPLOYS + "/" + BUILT, "GET " + SITE, "GET " + SITE_PAGE);
        assertEquals(3, calls.stream().filter(c -> c.equals("GET " + DEPLOYS + "/" + BUILT)).count(),
                "the deploy is read until it is ready (enqueued, building, ready): " + calls);
        assertEquals(List.of("POST " + BUILDS), calls.stream().filter(c -> c.startsWith("POST")).toList(), "one build");
        assertEquals(List.of(), wire.findAllUnmatchedRequests().stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    }

    @Test
    void aBuildEndingInErrorShowsNetlifysMessageAndTheLogLink() throws Exception {
        buildEndsIn("deploy-error.json");
        int cardPath = slash("site rebuild");
        JsonNode card = slack.answer(cardPath);

        assertEquals(200, click(card, cardPath, "Rebuild the site").get().statusCode());

        String outcome = finalMessage(":x: *Failed*");
        String log = "https://app.netlify.com/sites/lifeboat-www/deploys/" + BUILT;
        assertTrue(outcome.contains("Netlify's build (deploy " + BUILT + ") ended in error: Failed during stage 'building"
                + " site': Build script returned non-zero exit code: 2.\nBuild log: " + log + "\n"), outcome);
        assertTrue(outcome.contains("lifeboat-www still serves " + LIVE + ": a failed build is never published."), outcome);
        assertTrue(outcome.contains("Wait for Netlify's build"), outcome);
        assertTrue(outcome.contains("Wait until the new deploy is live — skipped")
                || outcome.contains("Wait until the new deploy is live* — skipped"), outcome);
        String thread = slack.awaitMatching("/api/chat.postMessage", r -> field(r, "thread_ts") != null
                && textOf(r).contains("Build log: " + log), 1).stream().map(SlackWire::textOf)
                .collect(Collectors.joining("\n"));
        assertTrue(thread.contains("*Wait for Netlify's build* failed: Netlify's build ended in error"), thread);

        List<String> calls = netlify();
        assertEquals(List.of("POST " + BUILDS), calls.stream().filter(c -> c.startsWith("POST")).toList(), "one build");
        assertFalse(calls.contains("GET " + SITE_PAGE), "a failed build is not probed for: " + calls);
    }
}
