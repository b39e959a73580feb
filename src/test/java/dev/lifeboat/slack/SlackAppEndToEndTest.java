package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.lifeboat.app.AppTimings;
import dev.lifeboat.runbook.Waiter;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.LogCapture;
import dev.lifeboat.testing.RunningLifeboat;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * {@code maintenance}, {@code restart}, {@code rollback} and {@code logs} end to end over HTTP, as people in Slack
 * use them: a signed slash command answers a private card (or, for logs, the lines); a click on its button starts the
 * run, which drives Heroku (WireMock playing the Platform API, the release output stream, logplex and the app) while
 * the incident channel shows one message edited to its final state. Waits are shortened through a test
 * {@link Waiter}; everything else is the real wiring.
 */
class SlackAppEndToEndTest {
    static final String SECRET = "app-e2e-signing-secret-0123456789ab";
    static final String TOKEN = "xoxb-0000-app-token";
    static final String APP = "acme-prod";
    static final String OPERATOR = "U0OPERATOR";
    static final String CHANNEL = "C0INCIDENT";

    static final String APP_INFO = "/heroku-api/apps/" + APP;
    static final String DYNOS = APP_INFO + "/dynos";
    static final String WEB = APP_INFO + "/formations/web";
    static final String RELEASES = APP_INFO + "/releases";
    static final String V110_ID = "4b9a43be-01d5-5b1d-bc6e-d78554521c3e";
    static final String V113_ID = "b785c8e5-3433-559d-85f2-a1e0abf434bd";
    static final String V113 = RELEASES + "/" + V113_ID;
    static final String OUTPUT = "/release-output/streams/9c/v113";
    static final String CONFIG_VARS = APP_INFO + "/config-vars";
    static final String LOG_SESSIONS = APP_INFO + "/log-sessions";
    static final String LOGPLEX = "/logplex/sessions/7e3d1c5b-9a2f-4e8d-b6c4-0a1f3e5d7b92";
    static final String APP_HEALTH = "/app/up";

    static final String PLANTED_VALUE = "planted-config-value-7c1d9e";
    static final String PLANTED_TOKEN = "planted-bearer-token-55aa77";
    static final String PLANTED_PASSWORD = "planted-url-password";

    static WireMockServer wire;
    static RunningLifeboat lifeboat;
    static SlackWire slack;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackWire(CHANNEL);
        wire = slack.wire;
        Map<String, String> env = slack.env(TOKEN, SECRET, OPERATOR, dataDir);
        slack.putHeroku(env, APP);
        lifeboat = RunningLifeboat.start(env, List.of(fast()));
        slack.sendTo(lifeboat, SECRET);
        slack.whenLate(path -> heroku() + "\n" + slack.posts(path).stream()
                .map(SlackWire::textOf).collect(Collectors.joining("\n---\n")));
    }

    /** Every wait takes at most 20 ms; a wait for dynos or a release gives up after 2 s. */
    static Module fast() {
        AppTimings d = AppTimings.DEFAULT;
        AppTimings timings = new AppTimings(Duration.ofSeconds(5), d.dynoPoll(), Duration.ofSeconds(2), d.releasePoll(),
                Duration.ofSeconds(2), Duration.ofSeconds(2), d.probeEvery(), Duration.ofSeconds(2), Duration.ofSeconds(2));
        return Modules.combine(SlackWire.fastWaits(), b -> b.bind(AppTimings.class).toInstance(timings));
    }

    @AfterAll
    static void stop() {
        slack.stop(lifeboat);
    }

    @BeforeEach
    void world() {
        slack.reset();
        slack.stubThreadReplies();
        wire.stubFor(get(urlEqualTo(APP_HEALTH)).willReturn(aResponse().withStatus(200).withBody("OK")));
        wire.stubFor(get(urlEqualTo(APP_INFO)).willReturn(okJson(SlackRestoreEndToEndTest.app(false))));
        wire.stubFor(get(urlEqualTo(RELEASES)).willReturn(aResponse().withStatus(206)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.read("heroku/releases-page-1.json"))));
        wire.stubFor(get(urlEqualTo(RELEASES + "/99")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"not_found\",\"message\":\"Couldn't find that release.\"}")));
    }

    // ---- the world ------------------------------------------------------------------------------------------

    /** web.1, web.2 and worker.1 of the dynos fixture, in these states. */
    static String dynos(String web1, String web2, String worker1) {
        ArrayNode all = (ArrayNode) TypedCommands.JSON.valueToTree(TypedCommands.read("{\"d\":"
                + Fixtures.read("heroku/dynos.json") + "}").path("d"));
        ArrayNode out = TypedCommands.JSON.createArrayNode();
        String[] states = {web1, web2, worker1};
        for (int i = 0; i < 3; i++) {
            out.add(((ObjectNode) all.get(i)).put("state", states[i]).put("updated_at", Instant.now().toString()));
        }
        return out.toString();
    }

    /** v113, the release the rollback creates, in this status. */
    static String v113(String status) {
        ObjectNode release = TypedCommands.read(Fixtures.read("heroku/release-rollback.json"));
        return release.put("status", status).put("current", status.equals("succeeded"))
                .put("output_stream_url", "http://127.0.0.1:" + wire.port() + OUTPUT + "?token=streamtoken123")
                .toString();
    }

    /** The rollback is answered with v113 pending; its release phase runs for one read, then ends as {@code end}. */
    static void rollbackWorld(String end) {
        wire.stubFor(post(urlEqualTo(RELEASES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(v113("pending"))));
        wire.stubFor(get(urlEqualTo(V113)).inScenario("release").whenScenarioStateIs(STARTED)
                .willReturn(okJson(v113("pending"))).willSetStateTo("ended"));
        wire.stubFor(get(urlEqualTo(V113)).inScenario("release").whenScenarioStateIs("ended")
                .willReturn(okJson(v113(end))));
    }

    // ---- Slack, as people use it ------------------------------------------------------------------------------

    int slash(String text) throws Exception {
        return slack.slash(text, OPERATOR);
    }

    /** The click on the card's first button (its confirm button). */
    CompletableFuture<HttpResponse<String>> clickConfirm(JsonNode card, int cardPath) {
        JsonNode button = null;
        for (JsonNode block : card.path("blocks")) {
            if (block.path("type").asText().equals("actions")) {
                button = block.path("elements").get(0);
                break;
            }
        }
        assertTrue(button != null, "the card has buttons: " + card);
        assertTrue(button.path("value").asText().startsWith("confirm r-"), button.toString());
        ObjectNode click = TypedCommands.click(button.path("action_id").asText(), button.path("value").asText(),
                OPERATOR, CHANNEL, slack.responseUrl(cardPath), "8473651207.1395872398.app-click");
        return slack.sendPayloadAsync(click);
    }

    /** The run message's last edit once it shows {@code outcome}, after a moment for anything left to say. */
    static String finalMessage(String outcome) throws InterruptedException {
        slack.awaitMatching("/api/chat.update", r -> textOf(r).contains(outcome), 1);
        Thread.sleep(300);
        List<LoggedRequest> runMessages = slack.posts("/api/chat.postMessage").stream()
                .filter(r -> field(r, "thread_ts") == null).toList();
        assertEquals(1, runMessages.size(), "one run message in the channel");
        assertEquals(CHANNEL, field(runMessages.get(0), "channel"));
        LoggedRequest last = slack.posts("/api/chat.update").stream().max(Comparator.comparing(LoggedRequest::getLoggedDate))
                .orElseThrow();
        return textOf(last);
    }

    /** Every call that reached Heroku, its output streams or the app, in order. */
    static List<String> heroku() {
        return wire.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().startsWith("/heroku-api") || r.getUrl().startsWith("/app/")
                        || r.getUrl().startsWith("/release-output") || r.getUrl().startsWith("/logplex"))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> r.getMethod() + " " + r.getUrl().replaceFirst("\\?.*", "")
                        + (r.getMethod().getName().equals("GET") || r.getMethod().getName().equals("DELETE") ? ""
                        : " " + r.getBodyAsString().replace(" ", "")))
                .collect(Collectors.toList());
    }

    static long changes() {
        return heroku().stream().filter(c -> c.startsWith("POST " + RELEASES) || c.startsWith("PATCH")
                || c.startsWith("DELETE")).count();
    }

    // ---- maintenance -------------------------------------------------------------------------------------------

    @Test
    void maintenanceOnShowsTheStateFirstThenTurnsItOnAfterTheClick() throws Exception {
        wire.stubFor(patch(urlEqualTo(APP_INFO)).willReturn(okJson(SlackRestoreEndToEndTest.app(true))));
        int cardPath = slash("maintenance on");
        JsonNode card = slack.answer(cardPath);

        String shown = readable(card);
        assertEquals("ephemeral", card.path("response_type").asText(), "the card is private");
        assertTrue(shown.contains("Turn maintenance mode on for acme-prod?"), shown);
        assertTrue(shown.contains("*Now*\noff: the app serves visitors"), shown);
        assertTrue(shown.contains("every visitor gets Heroku's maintenance page (HTTP 503)"), shown);
        assertEquals(List.of("Turn maintenance on", "Cancel"), buttonLabels(card));
        assertEquals(0, changes(), "the card changes nothing: " + heroku());

        assertEquals(200, clickConfirm(card, cardPath).get().statusCode());

        String message = finalMessage("Maintenance mode is ON for acme-prod");
        assertTrue(message.contains("visitors see Heroku's maintenance page (HTTP 503)"), message);
        assertTrue(message.contains(":white_check_mark: *Succeeded*"), message);
        List<String> calls = heroku();
        int read = indexOf(calls, "GET " + APP_INFO, 0);
        int stepRead = indexOf(calls, "GET " + APP_INFO, read + 1);
        indexOf(calls, "PATCH " + APP_INFO + " {\"maintenance\":true}", stepRead);
        assertEquals(1, calls.stream().filter(c -> c.startsWith("PATCH")).count(), calls.toString());
    }

    @Test
    void maintenanceMaybeIsRefusedAndChangesNothing() throws Exception {
        String refused = readable(slack.answer(slash("maintenance maybe")));

        assertTrue(refused.contains("`maybe` is neither on nor off: say `/dr maintenance on` or `/dr maintenance off`."),
                refused);
        assertEquals(0, changes(), heroku().toString());
        assertEquals(0, slack.posts("/api/chat.postMessage").size(), "no run, no message in the channel");
    }

    // ---- restart -----------------------------------------------------------------------------------------------

    @Test
    void restartingWebRestartsThatProcessTypeAndWaitsUntilItsDynosAreUp() throws Exception {
        wire.stubFor(get(urlEqualTo(DYNOS)).inScenario("dynos").whenScenarioStateIs(STARTED)
                .willReturn(okJson(dynos("up", "crashed", "up"))));
        wire.stubFor(delete(urlEqualTo(WEB)).inScenario("dynos").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{}")).willSetStateTo("restarting"));
        wire.stubFor(get(urlEqualTo(DYNOS)).inScenario("dynos").whenScenarioStateIs("restarting")
                .willReturn(okJson(dynos("starting", "starting", "up"))).willSetStateTo("booted"));
        wire.stubFor(get(urlEqualTo(DYNOS)).inScenario("dynos").whenScenarioStateIs("booted")
                .willReturn(okJson(dynos("up", "up", "up"))));
        int cardPath = slash("restart web");
        JsonNode card = slack.answer(cardPath);

        String shown = readable(card);
        assertTrue(shown.contains("Restart acme-prod's web dynos?"), shown);
        assertTrue(shown.contains("web.1 — up") && shown.contains("web.2 — crashed"), shown);
        assertFalse(shown.contains("worker.1"), "only the web dynos: " + shown);
        assertEquals(List.of("Restart 2 dynos", "Cancel"), buttonLabels(card));
        assertEquals(0, changes(), heroku().toString());

        assertEquals(200, clickConfirm(card, cardPath).get().statusCode());

        String message = finalMessage("Restarted acme-prod's web dynos");
        assertTrue(message.contains("Restarted acme-prod's web dynos (all 2 up: web.1, web.2) and the app answers."),
                message);
        List<String> calls = heroku();
        int restart = indexOf(calls, "DELETE " + WEB, 0);
        int starting = indexOf(calls, "GET " + DYNOS, restart);
        int up = indexOf(calls, "GET " + DYNOS, starting + 1);
        indexOf(calls, "GET " + APP_HEALTH, up);
        assertEquals(1, calls.stream().filter(c -> c.startsWith("DELETE")).count(), "one restart: " + calls);
    }

    @Test
    void anUnknownDynoIsRefusedWithTheDynosThatRun() throws Exception {
        wire.stubFor(get(urlEqualTo(DYNOS)).willReturn(okJson(dynos("up", "up", "up"))));

        String refused = readable(slack.answer(slash("restart web.9")));

        assertTrue(refused.contains("There is no dyno `web.9` on acme-prod; its dynos: web.1 (up), web.2 (up), "
                + "worker.1 (up). Nothing was restarted."), refused);
        assertEquals(0, changes(), heroku().toString());
    }

    // ---- rollback ----------------------------------------------------------------------------------------------

    @Test
    void aRollbackGoesToTheReleaseTheCliWouldPickWaitsForItAndProbesTheApp() throws Exception {
        rollbackWorld("succeeded");
        int cardPath = slash("rollback");
        JsonNode card = slack.answer(cardPath);

        String shown = readable(card);
        assertTrue(shown.contains("Roll acme-prod back from v112 to v110?"), shown);
        assertTrue(shown.contains("*Now*\nv112 — Deploy 4e1a9c2\nby maria@acme-shop.example, "), shown);
        assertTrue(shown.contains("*Back to*\nv110 — Set SIDEKIQ_CONCURRENCY config vars\nby "), shown);
        assertTrue(shown.contains("A rollback does not undo database migrations"), shown);
        assertEquals(List.of("Roll back to v110", "Cancel"), buttonLabels(card));
        assertEquals(0, changes(), heroku().toString());

        assertEquals(200, clickConfirm(card, cardPath).get().statusCode());

        String message = finalMessage("Rolled acme-prod back to v110");
        assertTrue(message.contains("Rolled acme-prod back to v110 (it runs as v113) and the app answers."), message);
        assertTrue(message.contains("Database migrations made after v110 are still in place."), message);
        List<String> calls = heroku();
        int rollback = indexOf(calls, "POST " + RELEASES + " {\"release\":\"" + V110_ID + "\"}", 0);
        int pending = indexOf(calls, "GET " + V113, rollback);
        int succeeded = indexOf(calls, "GET " + V113, pending + 1);
        indexOf(calls, "GET " + APP_HEALTH, succeeded);
        assertEquals(1, slack.posts(RELEASES).size(), "one rollback: " + calls);
    }

    @Test
    void anIneligibleReleaseIsRefusedWithTheReason() throws Exception {
        String failed = readable(slack.answer(slash("rollback v111")));
        String current = readable(slack.answer(slash("rollback v112")));
        String missing = readable(slack.answer(slash("rollback v99")));

        assertTrue(failed.contains("v111 failed (its build or release phase did not succeed): it never ran"), failed);
        assertTrue(current.contains("v112 is the release running now"), current);
        assertTrue(missing.contains("acme-prod has no release v99 (it runs v112). Nothing was changed."), missing);
        assertEquals(0, slack.posts(RELEASES).size(), heroku().toString());
    }

    @Test
    void aReleaseThatFailsItsReleasePhaseShowsItsOutputAndLeavesTheOldReleaseRunning() throws Exception {
        rollbackWorld("failed");
        wire.stubFor(get(urlPathEqualTo(OUTPUT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("Running release command `rails db:migrate`\n"
                        + "rails aborted!\nActiveRecord::StatementInvalid: PG::DuplicateTable: ERROR:  relation "
                        + "\"index_orders_on_customer_id\" already exists\n")));
        int cardPath = slash("rollback v110");
        JsonNode card = slack.answer(cardPath);

        assertEquals(200, clickConfirm(card, cardPath).get().statusCode());

        String message = finalMessage("Heroku kept v112 running");
        assertTrue(message.contains("v113 failed its release phase; the last 3 lines of its output:"), message);
        assertTrue(message.contains("PG::DuplicateTable"), message);
        assertTrue(message.contains("The rollback's release v113 did not succeed, so Heroku kept v112 running"),
                message);
        List<String> calls = heroku();
        indexOf(calls, "GET " + OUTPUT, indexOf(calls, "POST " + RELEASES + " {\"release\":\"" + V110_ID + "\"}", 0));
        assertFalse(calls.contains("GET " + APP_HEALTH), "no probe after a failed release: " + calls);
    }

    @Test
    void aDoubleClickedConfirmationRollsBackOnce() throws Exception {
        rollbackWorld("succeeded");
        int cardPath = slash("rollback");
        JsonNode card = slack.answer(cardPath);

        CompletableFuture<HttpResponse<String>> first = clickConfirm(card, cardPath);
        CompletableFuture<HttpResponse<String>> second = clickConfirm(card, cardPath);
        assertEquals(200, first.get().statusCode());
        assertEquals(200, second.get().statusCode());

        finalMessage("Rolled acme-prod back to v110");
        assertEquals(1, slack.posts(RELEASES).size(), "one rollback at Heroku: " + heroku());
        List<String> answers = slack.awaitMatching("/respond/" + cardPath, r -> true, 3).stream()
                .map(r -> readable(TypedCommands.read(r.getBodyAsString()))).toList();
        String told = String.join("\n---\n", answers);
        assertEquals(1, answers.stream().filter(a -> a.contains(":rocket: Run `r-")).count(), told);
        assertEquals(1, answers.stream().filter(a -> a.contains("is already running")).count(), told);
    }

    // ---- logs --------------------------------------------------------------------------------------------------

    @Test
    void logsHideConfigVarValuesTokensAndUrlPasswordsFromTheAnswerAndFromLifeboatsOwnLog() throws Exception {
        ObjectNode vars = TypedCommands.read(Fixtures.read("heroku/config-vars.json")).put("PARTNER_KEY", PLANTED_VALUE);
        wire.stubFor(get(urlEqualTo(CONFIG_VARS)).willReturn(okJson(vars.toString())));
        wire.stubFor(post(urlEqualTo(LOG_SESSIONS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.read("heroku/log-session.json")
                        .replace("LOGPLEX_BASE", "http://127.0.0.1:" + wire.port() + "/logplex"))));
        String stream = String.join("\n", List.of(
                "data: 2024-05-15T07:05:58+00:00 app[web.1]: Booting with partner key " + PLANTED_VALUE,
                "",
                "data: 2024-05-15T07:05:59+00:00 app[web.1]: POST https://partner.example/api Authorization: Bearer "
                        + PLANTED_TOKEN,
                "",
                "data: 2024-05-15T07:06:00+00:00 app[worker.1]: fetching https://sync-user:" + PLANTED_PASSWORD
                        + "@files.example/export.csv",
                "",
                "data: 2024-05-15T07:06:01+00:00 heroku[router]: at=info method=GET path=\"/\" status=200",
                "")) + "\n";
        wire.stubFor(get(urlPathEqualTo(LOGPLEX)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(stream)));

        String shown;
        List<String> logged;
        try (LogCapture log = LogCapture.of(Logger.ROOT_LOGGER_NAME)) {
            JsonNode answer = slack.answer(slash("logs 50"));
            shown = answer.toString();
            Thread.sleep(200);  // the audit entry and anything else the command logs after its answer
            logged = log.all();
            assertTrue(logged.stream().anyMatch(l -> l.contains("command=\"logs\"")), "the capture sees Lifeboat's "
                    + "own log: " + logged);
            assertEquals("ephemeral", answer.path("response_type").asText(), "only the asker sees the logs");
            String text = readable(answer);
            assertTrue(text.contains("Logs of acme-prod"), text);
            assertTrue(text.contains("app[web.1]: Booting with partner key [PARTNER_KEY]"), text);
            assertTrue(text.contains("Authorization: Bearer ****"), text);
            assertTrue(text.contains("https://****@files.example/export.csv"), text);
            assertTrue(text.contains("heroku[router]: at=info method=GET"), text);
            assertTrue(text.contains("Heroku had 4 of the 50 lines asked for."), text);
        }
        for (String secret : List.of(PLANTED_VALUE, PLANTED_TOKEN, PLANTED_PASSWORD, "p4ss-w0rd-very-secret")) {
            assertFalse(shown.contains(secret), secret + " in the answer: " + shown);
            assertTrue(logged.stream().noneMatch(line -> line.contains(secret)), secret + " in Lifeboat's log: " + logged);
        }
        List<LoggedRequest> session = slack.posts(LOG_SESSIONS);
        assertEquals(1, session.size());
        assertEquals(50, TypedCommands.read(session.get(0).getBodyAsString()).path("lines").asInt());
        assertEquals(0, changes(), heroku().toString());
    }
}
