package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.lifeboat.slack.SlackWire.buttonLabels;
import static dev.lifeboat.slack.SlackWire.field;
import static dev.lifeboat.slack.SlackWire.indexOf;
import static dev.lifeboat.slack.SlackWire.readable;
import static dev.lifeboat.slack.SlackWire.textOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.lifeboat.restore.RestoreTimings;
import dev.lifeboat.runbook.Waiter;
import dev.lifeboat.s3.S3ProxyServer;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SlackRequests;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * A production restore end to end over HTTP, as the people in Slack live it: a signed {@code /dr restore b012}
 * answers a private card; a click on its typed button opens the modal; the submission with the app's name starts the
 * run, which drives Heroku (WireMock playing the Platform API, the data API, Heroku's status page and the app) from
 * maintenance on to the app answering, while the incident channel shows one message edited to its final state and
 * the audit log keeps the confirmation, every step and the end. Waits are shortened through a test {@link Waiter};
 * everything else is the real wiring.
 */
class SlackRestoreEndToEndTest {
    static final String SECRET = "restore-e2e-signing-secret-0123456789";
    static final String TOKEN = "xoxb-0000-restore-token";
    static final String APP = "acme-prod";
    static final String ADDON_ID = "8c1e3a5d-7f90-4b2d-a4c6-e8f0a2c4e6b8";
    static final String ADDON_NAME = "postgresql-curved-41234";
    static final String OPERATOR = "U0OPERATOR";
    static final String CHANNEL = "C0INCIDENT";
    static final String TRIGGER = "8473651207.1395872398.restore-click";
    static final String MAIN_TS = "1700000000.000100";

    static final String APP_INFO = "/heroku-api/apps/" + APP;
    static final String DYNOS = APP_INFO + "/dynos";
    static final String ADDONS = APP_INFO + "/addons";
    /** A lookup Heroku takes as a POST: which add-on is attached as DATABASE_URL. Changes nothing. */
    static final String RESOLVE = "/heroku-api/actions/addon-attachments/resolve";
    static final String DATA = "/heroku-data/client/v11";
    static final String TRANSFERS = DATA + "/apps/" + APP + "/transfers";
    static final String B012 = TRANSFERS + "/12";
    static final String CAPTURE = DATA + "/databases/" + ADDON_ID + "/backups";
    static final String RESTORE = DATA + "/databases/" + ADDON_ID + "/restores";
    static final String CAPTURE_UUID = "0c48dbea-7e2c-5fce-af2c-8c0d3b1dd466";
    static final String RESTORE_UUID = "d3fa9b49-82b6-5589-a8c3-dde06ca52276";
    static final String HEROKU_STATUS = "/heroku-status/api/v4/current-status";
    static final String APP_HEALTH = "/app/up";
    /** b012's storage URL, which Heroku is handed to restore from. */
    static final String B012_URL = "https://xfrtu.s3.amazonaws.com/43705592-7f90-5b15-b79d-ba0ee3f9bd35/b012-e2e";
    static final Duration B012_AGE = Duration.ofHours(6);
    static final DateTimeFormatter DATA_API_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx");

    /** An offsite copy of acme-prod's b011, in the bucket Lifeboat reads (a real S3-compatible server). */
    static final String OFFSITE_KEY = "pg-backups/acme-prod/b011-2026-12-01T0300Z.dump";
    static final byte[] OFFSITE_BODY = ("PGDMP offsite copy of b011 " + "x".repeat(70_000)).getBytes(StandardCharsets.US_ASCII);

    static WireMockServer wire;
    static S3ProxyServer s3;
    static String bucket;
    static RunningLifeboat lifeboat;
    static SlackWire slack;
    static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackWire(CHANNEL);
        wire = slack.wire;
        Map<String, String> env = slack.env(TOKEN, SECRET, OPERATOR, dataDir);
        slack.putHeroku(env, APP);
        s3 = S3ProxyServer.start();
        bucket = s3.createBucket();
        s3.putDirect(bucket, OFFSITE_KEY, OFFSITE_BODY);
        env.put("AWS_ACCESS_KEY_ID", S3ProxyServer.IDENTITY);
        env.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.CREDENTIAL);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        env.put("LIFEBOAT_BACKUP_BUCKET", bucket);
        lifeboat = RunningLifeboat.start(env, List.of(fast()));
        slack.sendTo(lifeboat, SECRET);
        slack.whenLate(path -> String.valueOf(heroku()));
    }

    /** Every wait of a run (polls, probes, retries) takes at most 20 ms; the timings are the production ones. */
    static Module fast() {
        return Modules.combine(SlackWire.fastWaits(), b -> b.bind(RestoreTimings.class).toInstance(RestoreTimings.DEFAULT));
    }

    @AfterAll
    static void stop() {
        slack.stop(lifeboat);
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void world() {
        slack.reset();
        slack.stubViewsOpen();
        slack.stubThreadReplies();

        // The app remembers its maintenance mode: what a PATCH sets, the next GET shows.
        wire.stubFor(get(urlEqualTo(APP_INFO)).inScenario("maintenance").whenScenarioStateIs(STARTED).willReturn(okJson(app(false))));
        wire.stubFor(get(urlEqualTo(APP_INFO)).inScenario("maintenance").whenScenarioStateIs("on").willReturn(okJson(app(true))));
        wire.stubFor(patch(urlEqualTo(APP_INFO)).inScenario("maintenance").withRequestBody(containing("\"maintenance\":true"))
                .willReturn(okJson(app(true))).willSetStateTo("on"));
        wire.stubFor(patch(urlEqualTo(APP_INFO)).inScenario("maintenance").withRequestBody(containing("\"maintenance\":false"))
                .willReturn(okJson(app(false))).willSetStateTo(STARTED));
        wire.stubFor(get(urlEqualTo(ADDONS)).willReturn(okJson(StatusWorld.fixture("status/heroku-addons.json"))));
        wire.stubFor(post(urlEqualTo(RESOLVE)).willReturn(okJson(Fixtures.read("heroku/addon-attachments-resolve.json")
                .replace("lifeboat-prod", APP))));
        wire.stubFor(delete(urlEqualTo(DYNOS)).willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{}")));
        wire.stubFor(get(urlEqualTo(HEROKU_STATUS)).willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-green.json"))));
        wire.stubFor(get(urlEqualTo(APP_HEALTH)).willReturn(aResponse().withStatus(200).withBody("OK")));

        String b012 = b012();
        wire.stubFor(get(urlEqualTo(TRANSFERS)).willReturn(okJson("[" + b012 + "]")));
        wire.stubFor(get(urlEqualTo(B012)).willReturn(okJson(b012)));
        wire.stubFor(post(urlEqualTo(CAPTURE)).willReturn(okJson(Fixtures.read("heroku/pg/capture-pending.json"))));
        wire.stubFor(get(urlEqualTo(TRANSFERS + "/" + CAPTURE_UUID)).willReturn(okJson(Fixtures.read("heroku/pg/capture-finished.json"))));
        wire.stubFor(post(urlEqualTo(RESTORE)).willReturn(okJson(Fixtures.read("heroku/pg/restore-pending.json"))));
        // The restore runs for two reads, then finishes.
        String restore = TRANSFERS + "/" + RESTORE_UUID;
        wire.stubFor(get(urlEqualTo(restore)).inScenario("restore").whenScenarioStateIs(STARTED)
                .willReturn(okJson(Fixtures.read("heroku/pg/restore-running.json"))).willSetStateTo("read once"));
        wire.stubFor(get(urlEqualTo(restore)).inScenario("restore").whenScenarioStateIs("read once")
                .willReturn(okJson(Fixtures.read("heroku/pg/restore-running.json"))).willSetStateTo("finished"));
        wire.stubFor(get(urlEqualTo(restore)).inScenario("restore").whenScenarioStateIs("finished")
                .willReturn(okJson(restoreFinished())));
    }

    static String app(boolean maintenance) {
        ObjectNode app = TypedCommands.read(StatusWorld.fixture("status/heroku-app.json"));
        return app.put("maintenance", maintenance).toString();
    }

    /** b012: a manual backup of acme-prod that finished six hours ago. */
    static String b012() {
        Instant finished = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(B012_AGE);
        ObjectNode t = TypedCommands.read(StatusWorld.render(Fixtures.read("status/pg-backup.json"), Map.of(
                "uuid", "7b7c8e2a-1f3d-5e4b-9a6c-0d2e4f6a8c12", "num", "12", "bytes", "43210", "succeeded", "true",
                "created_at", DATA_API_TIME.format(finished.minusSeconds(220).atOffset(ZoneOffset.UTC)),
                "finished_at", DATA_API_TIME.format(finished.atOffset(ZoneOffset.UTC)), "schedule", "null")));
        return t.put("to_url", B012_URL).toString();
    }

    static String restoreFinished() {
        ObjectNode t = TypedCommands.read(Fixtures.read("heroku/pg/restore-running.json"));
        return t.put("processed_bytes", 43710221).put("succeeded", true).put("finished_at", "2024-05-15 07:21:40 +0000")
                .put("updated_at", "2024-05-15 07:21:40 +0000").toString();
    }

    // ---- Slack, as people use it ------------------------------------------------------------------------------

    /** Every call that reached Heroku (Platform API, data API) or the app, in the order they arrived. */
    static List<String> heroku() {
        return wire.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().startsWith("/heroku-api") || r.getUrl().startsWith("/heroku-data")
                        || r.getUrl().startsWith("/app/"))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> r.getMethod() + " " + r.getUrl()
                        + (r.getMethod().getName().equals("PATCH") ? " " + r.getBodyAsString().replace(" ", "") : ""))
                .collect(Collectors.toList());
    }

    /** POSTs to Heroku other than the read-only lookup of the database's attachment. */
    static long herokuPosts() {
        return heroku().stream().filter(c -> c.startsWith("POST ") && !c.equals("POST " + RESOLVE)).count();
    }

    static final Pattern RUN_ID = Pattern.compile("/dr confirm ([A-Za-z0-9-]+) ");

    /** {@code /dr restore b012}, its card, and the click on the typed button: returns the card and the modal opened. */
    record Opened(int cardPath, JsonNode card, String runId, JsonNode view) {
    }

    Opened restoreAndClick() throws Exception {
        return restoreAndClick("b012");
    }

    Opened restoreAndClick(String backup) throws Exception {
        int cardPath = slack.slash("restore " + backup, OPERATOR);
        JsonNode card = slack.answer(cardPath);
        Matcher id = RUN_ID.matcher(readable(card));
        assertTrue(id.find(), "the card names the confirm command\n" + readable(card));
        String[] button = TypedCommands.typedButton(card);
        HttpResponse<String> ack = slack.sendPayload(TypedCommands.click(button[0], button[1], OPERATOR, CHANNEL,
                slack.responseUrl(cardPath), TRIGGER));
        assertEquals(200, ack.statusCode(), ack.body());
        LoggedRequest open = slack.await("/api/views.open", 1).get(0);
        assertEquals(TRIGGER, field(open, "trigger_id"), "the modal opens with the click's trigger_id");
        return new Opened(cardPath, card, id.group(1), TypedCommands.read(field(open, "view")));
    }

    // ---- the tests ------------------------------------------------------------------------------------------

    @Test
    void aProductionRestoreFromTheSlashCommandToTheAppAnswering() throws Exception {
        Opened opened = restoreAndClick();

        // 1. The private card: what is read, what is replaced, what is lost, and the buttons.
        String card = readable(opened.card());
        assertEquals("ephemeral", opened.card().path("response_type").asText(), "the card is private: " + opened.card());
        assertTrue(card.contains("Restore production (acme-prod) from b012?"), card);
        assertTrue(card.contains("*Source*\n*b012* — Heroku backup of acme-prod"), card);
        assertTrue(card.contains("*Target*\nacme-prod (production)\ndatabase " + ADDON_NAME), card);
        assertTrue(card.contains("*Lost*\neverything written to acme-prod since "), card);
        assertTrue(Pattern.compile("since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(6 h( \\d+ min)? ago\\)").matcher(card).find(), card);
        assertTrue(card.contains("type `acme-prod`"), card);
        assertEquals(List.of("Restore production", "Cancel"), buttonLabels(opened.card()), opened.card().toString());
        assertTrue(opened.card().toString().contains("\"style\":\"danger\""), "the typed button is the dangerous one");
        assertEquals(0, herokuPosts(), "the card and the click change nothing at Heroku: " + heroku());
        assertEquals(0, heroku().stream().filter(c -> c.startsWith("PATCH") || c.startsWith("DELETE")).count(), heroku().toString());

        // 2. The modal asks for the app's name.
        assertEquals("modal", opened.view().path("type").asText());
        assertEquals("Restore production", opened.view().path("title").path("text").asText(), opened.view().toString());
        assertEquals("Type acme-prod to confirm", opened.view().path("blocks").get(1).path("label").path("text").asText(),
                opened.view().toString());
        assertEquals("confirm " + opened.runId(), TypedCommands.read(opened.view().path("private_metadata").asText())
                .path("command").asText(), "the modal carries the confirm command of this run");

        // 3. The submission with the app's name starts the run.
        HttpResponse<String> ack = slack.sendPayload(TypedCommands.submission(opened.view(), OPERATOR, "acme-prod"));
        assertEquals(200, ack.statusCode());
        assertEquals("", ack.body(), "an empty acknowledgement closes the modal");

        // 4. The incident channel: one message, edited until it shows the outcome, and thread replies.
        slack.awaitMatching("/api/chat.update", r -> textOf(r).contains("RTO "), 1);
        slack.awaitMatching("/api/chat.postMessage", r -> field(r, "thread_ts") != null && textOf(r).contains("RTO "), 1);
        Thread.sleep(300);  // anything the run still had to say
        List<LoggedRequest> runMessages = slack.posts("/api/chat.postMessage").stream().filter(r -> field(r, "thread_ts") == null).toList();
        assertEquals(1, runMessages.size(), "one run message in the channel");
        assertEquals(CHANNEL, field(runMessages.get(0), "channel"));
        List<LoggedRequest> updates = slack.posts("/api/chat.update");
        // Edits are paced to Slack's rate limit, so a run this fast may be edited once, straight to its final state.
        assertTrue(updates.size() >= 1, "the message is edited in place");
        for (LoggedRequest update : updates) {
            assertEquals(MAIN_TS, field(update, "ts"), "every edit is of the run message");
            assertEquals(CHANNEL, field(update, "channel"));
        }
        LoggedRequest last = updates.stream().max(Comparator.comparing(LoggedRequest::getLoggedDate)).orElseThrow();
        String outcome = textOf(last);
        assertTrue(outcome.contains("Restored b012 into acme-prod"), outcome);
        assertTrue(outcome.contains("maintenance off, dynos restarted, and the app answers."), outcome);
        assertTrue(Pattern.compile("RTO [^.]+\\(confirmation to the app answering\\)").matcher(outcome).find(), outcome);
        assertTrue(outcome.contains("RPO 6 h"), outcome);
        assertTrue(outcome.contains("safety backup b057"), outcome);
        assertTrue(outcome.contains(":white_check_mark: *Succeeded*"), "the last edit shows the final state\n" + outcome);
        for (String step : List.of("Maintenance mode on for acme-prod", "Safety backup of acme-prod's database",
                "Wait for the restore of b012", "Restart acme-prod's dynos", "Check that acme-prod answers")) {
            assertTrue(Pattern.compile(Pattern.quote(step) + "\\*? — done").matcher(outcome).find(), step + " done in\n" + outcome);
        }
        assertTrue(outcome.contains("Validate the restored data — skipped") || outcome.contains("Validate the restored data* — skipped"),
                outcome);

        List<LoggedRequest> replies = slack.awaitMatching("/api/chat.postMessage", r -> field(r, "thread_ts") != null, 2);
        for (LoggedRequest reply : replies) {
            assertEquals(MAIN_TS, field(reply, "thread_ts"), "replies are in the run message's thread");
        }
        String thread = replies.stream().map(SlackWire::textOf).collect(Collectors.joining("\n---\n"));
        assertTrue(replies.stream().anyMatch(r -> textOf(r).startsWith(":arrow_forward: ") && textOf(r).contains("<@" + OPERATOR + ">")),
                "the start, naming who confirmed, is told in the thread\n" + thread);
        assertEquals(1, replies.stream().filter(r -> textOf(r).startsWith(":white_check_mark: ") && textOf(r).contains("RTO ")
                && textOf(r).contains("RPO 6 h")).count(), "the end, with RTO and RPO, is told in the thread once\n" + thread);

        // 3 (cont.). Heroku was driven in order, and asked to restore exactly once, from b012.
        Thread.sleep(200);
        List<String> calls = heroku();
        int maintenanceOn = indexOf(calls, "PATCH " + APP_INFO + " {\"maintenance\":true}", 0);
        int capture = indexOf(calls, "POST " + CAPTURE, maintenanceOn);
        int captureRead = indexOf(calls, "GET " + TRANSFERS + "/" + CAPTURE_UUID, capture);
        int restore = indexOf(calls, "POST " + RESTORE, captureRead);
        int firstPoll = indexOf(calls, "GET " + TRANSFERS + "/" + RESTORE_UUID, restore);
        int maintenanceOff = indexOf(calls, "PATCH " + APP_INFO + " {\"maintenance\":false}", firstPoll);
        int restart = indexOf(calls, "DELETE " + DYNOS, maintenanceOff);
        indexOf(calls, "GET " + APP_HEALTH, restart);
        assertEquals(3, calls.subList(restore, maintenanceOff).stream().filter(c -> c.equals("GET " + TRANSFERS + "/" + RESTORE_UUID)).count(),
                "the restore is read until it finishes (running, running, finished): " + calls);
        assertEquals(1, calls.stream().filter(c -> c.equals("POST " + RESTORE)).count(), calls.toString());
        assertEquals(1, calls.stream().filter(c -> c.equals("POST " + CAPTURE)).count(), calls.toString());
        LoggedRequest restorePost = slack.posts(RESTORE).get(0);
        assertEquals(B012_URL, TypedCommands.read(restorePost.getBodyAsString()).path("backup_url").asText(),
                "Heroku restores from b012's storage");

        // The person who submitted is told, privately, where the card was, that the run started.
        String started = slack.await("/respond/" + opened.cardPath(), 2).stream().map(r -> readable(TypedCommands.read(r.getBodyAsString())))
                .filter(a -> !a.startsWith("Restore production (acme-prod) from b012?")).collect(Collectors.joining("\n"));
        assertTrue(started.contains(":rocket: Run `" + opened.runId() + "` started: Restore b012 into acme-prod (production)."), started);
        assertEquals(List.of(), wire.findAllUnmatchedRequests().stream().map(r -> r.getMethod() + " " + r.getUrl()).toList(),
                "every call Lifeboat made was one this world answers");

        // 5. The audit log: `history` shows the run as one line, its end with RTO and RPO; `history RUN` the
        // confirmation, every step of the run and its end.
        List<String> summary = readable(slack.answer(slack.slash("history", OPERATOR))).lines()
                .filter(l -> l.contains("_(" + opened.runId() + ")_")).toList();
        assertEquals(1, summary.size(), "one line for the run: " + summary);
        assertTrue(summary.get(0).contains("`restore: Restore b012 into acme-prod (production)` → succeeded — Restored b012")
                && summary.get(0).contains("RTO ") && summary.get(0).contains("RPO 6 h"), summary.get(0));
        int historyPath = slack.slash("history " + opened.runId(), OPERATOR);
        List<String> history = readable(slack.answer(historyPath)).lines().filter(l -> l.startsWith("`")).toList();
        String log = String.join("\n", history);
        assertTrue(history.stream().anyMatch(l -> l.contains("<@" + OPERATOR + "> `confirm " + opened.runId())),
                "the audit log shows who confirmed\n" + log);
        List<String> steps = List.of("Preflight: the backup can be restored", "Maintenance mode on for acme-prod",
                "Safety backup of acme-prod's database", "Start restoring b012 into acme-prod's database",
                "Wait for the restore of b012", "Validate the restored data", "Maintenance mode off for acme-prod",
                "Restart acme-prod's dynos", "Check that acme-prod answers");
        for (String step : steps) {
            assertEquals(1, history.stream().filter(l -> l.contains("`restore step: " + step)).count(),
                    "the audit log shows the step once: " + step + "\n" + log);
        }
        assertTrue(history.stream().anyMatch(l -> l.contains("`restore: Restore b012 into acme-prod (production)` → succeeded — "
                + "Restored b012 into acme-prod") && l.contains("RTO ")), "the audit log shows the run's end\n" + log);
    }

    @Test
    void twoSubmissionsOfTheSameModalAtOnceStartOneRestore() throws Exception {
        Opened opened = restoreAndClick();
        ObjectNode submission = TypedCommands.submission(opened.view(), OPERATOR, "acme-prod");

        CompletableFuture<HttpResponse<String>> first = slack.sendPayloadAsync(submission);
        CompletableFuture<HttpResponse<String>> second = slack.sendPayloadAsync(submission);
        assertEquals(200, first.get().statusCode());
        assertEquals(200, second.get().statusCode());

        slack.awaitMatching("/api/chat.update", r -> textOf(r).contains("RTO "), 1);
        Thread.sleep(500);
        assertEquals(1, slack.posts(RESTORE).size(), "one restore at Heroku: " + heroku());
        assertEquals(1, slack.posts(CAPTURE).size(), "one safety backup: " + heroku());
        assertEquals(1, slack.posts("/api/chat.postMessage").stream().filter(r -> field(r, "thread_ts") == null).count(),
                "one run message");
        // The card, then one answer per submission: one started the run, the other was told it already runs.
        List<String> answers = slack.await("/respond/" + opened.cardPath(), 3).stream()
                .map(r -> readable(TypedCommands.read(r.getBodyAsString()))).toList();
        String told = String.join("\n---\n", answers);
        assertEquals(3, answers.size(), told);
        assertEquals(1, answers.stream().filter(a -> a.contains(":rocket: Run `" + opened.runId() + "` started")).count(), told);
        assertEquals(1, answers.stream().filter(a -> a.contains("Run " + opened.runId() + " is already running")).count(), told);
    }

    @Test
    void theModalAndATypedConfirmCommandAtOnceStartOneRestore() throws Exception {
        Opened opened = restoreAndClick();
        int typedPath = slack.nextPath();
        String confirm = SlackRequests.slashCommandBody("confirm " + opened.runId() + " acme-prod", OPERATOR, CHANNEL,
                slack.responseUrl(typedPath));

        CompletableFuture<HttpResponse<String>> modal = slack.sendPayloadAsync(TypedCommands.submission(opened.view(), OPERATOR, "acme-prod"));
        CompletableFuture<HttpResponse<String>> typed = slack.sendAsync(confirm);
        assertEquals(200, modal.get().statusCode());
        assertEquals(200, typed.get().statusCode());

        slack.awaitMatching("/api/chat.update", r -> textOf(r).contains("RTO "), 1);
        Thread.sleep(500);
        assertEquals(1, slack.posts(RESTORE).size(), "one restore at Heroku: " + heroku());
        assertEquals(1, slack.posts(CAPTURE).size(), "one safety backup: " + heroku());
        assertEquals(1, slack.posts("/api/chat.postMessage").stream().filter(r -> field(r, "thread_ts") == null).count(),
                "one run message");
        List<String> answers = new ArrayList<>();
        answers.addAll(slack.await("/respond/" + opened.cardPath(), 2).stream()
                .map(r -> readable(TypedCommands.read(r.getBodyAsString())))
                .filter(a -> !a.startsWith("Restore production (acme-prod) from b012?")).toList());
        answers.addAll(slack.await("/respond/" + typedPath, 1).stream()
                .map(r -> readable(TypedCommands.read(r.getBodyAsString()))).toList());
        String told = String.join("\n---\n", answers);
        assertEquals(2, answers.size(), told);
        assertEquals(1, answers.stream().filter(a -> a.contains(":rocket: Run `" + opened.runId() + "` started")).count(), told);
        assertEquals(1, answers.stream().filter(a -> a.contains("Run " + opened.runId() + " is already running")).count(), told);
    }

    @Test
    void anOffsiteCopyIsHandedToHerokuAsAPresignedUrlThatDownloadsTheCopy() throws Exception {
        Opened opened = restoreAndClick("s3:" + OFFSITE_KEY);
        String card = readable(opened.card());
        assertTrue(card.contains("*b011-2026-12-01T0300Z.dump* — offsite copy in s3://" + bucket), card);

        slack.sendPayload(TypedCommands.submission(opened.view(), OPERATOR, "acme-prod"));
        String outcome = textOf(slack.awaitMatching("/api/chat.update", r -> textOf(r).contains("RTO "), 1).get(0));
        assertTrue(outcome.contains(":white_check_mark: *Succeeded*"), outcome);

        // Heroku was handed a URL it can fetch without credentials: a presigned GET on the bucket, valid for hours.
        assertEquals(1, slack.posts(RESTORE).size(), heroku().toString());
        URI handed = URI.create(TypedCommands.read(slack.posts(RESTORE).get(0).getBodyAsString()).path("backup_url").asText());
        assertEquals(s3.endpoint().getAuthority(), handed.getAuthority(), handed.getHost());
        assertTrue(handed.getRawPath().endsWith("/" + OFFSITE_KEY), handed.getRawPath());
        assertTrue(handed.getRawQuery().contains("X-Amz-Signature="), "a presigned URL");
        Matcher expires = Pattern.compile("X-Amz-Expires=(\\d+)").matcher(handed.getRawQuery());
        assertTrue(expires.find() && Long.parseLong(expires.group(1)) >= Duration.ofHours(12).toSeconds(),
                "valid at least 12 hours: " + expires);
        assertFalse(handed.toString().contains(S3ProxyServer.CREDENTIAL), "never the bucket's secret");
        HttpResponse<byte[]> download = http.send(java.net.http.HttpRequest.newBuilder(handed).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode(), "a plain GET, as Heroku makes it, downloads the copy");
        assertArrayEquals(OFFSITE_BODY, download.body());

        // The signature is Heroku's alone: not in the channel, the thread, the card or the audit log.
        String signature = handed.getRawQuery().replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        for (LoggedRequest slackCall : wire.findAll(postRequestedFor(urlPathMatching("/(api|respond)/.*")))) {
            assertFalse(slackCall.getBodyAsString().contains(signature), slackCall.getUrl());
            assertFalse(URLDecoder.decode(slackCall.getBodyAsString(), StandardCharsets.UTF_8).contains("X-Amz-Signature"),
                    slackCall.getUrl());
        }
        String history = readable(slack.answer(slack.slash("history " + opened.runId(), OPERATOR)));
        assertTrue(history.contains("s3:" + OFFSITE_KEY) || history.contains(OFFSITE_KEY), history);
        assertFalse(history.contains(signature), history);
    }
}
