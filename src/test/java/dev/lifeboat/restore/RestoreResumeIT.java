package dev.lifeboat.restore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.ServeProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import dev.lifeboat.testing.SlackRequests;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A production restore in a real {@code ./lifeboat serve} process (H2 store in a temp data dir, WireMock as Slack's
 * Web API, the Heroku Platform API and the data API), killed with SIGKILL while it waits on the restore transfer. A
 * new process on the same data dir resumes it: it follows the same transfer, never POSTs the restore again, finishes
 * the run and edits the same Slack message, saying in its thread that it resumed.
 */
class RestoreResumeIT {
    static final String SECRET = "resume-signing-secret-0123456789abcdef";
    static final String BOT_TOKEN = "xoxb-7777-8888-resume-token";
    static final String OPERATOR = "U0OPERATOR";
    static final String CHANNEL = "C0INCIDENT";
    static final String APP = "lifeboat-prod";
    static final String ADDON = "8c1e3a5d-7f90-4b2d-a4c6-e8f0a2c4e6b8";
    static final String CAPTURE_UUID = "0c48dbea-7e2c-5fce-af2c-8c0d3b1dd466";
    static final String RESTORE_UUID = "d3fa9b49-82b6-5589-a8c3-dde06ca52276";
    static final String DUMP = "https://dumps.example.com/prod/b053.dump";
    static final String RESTORES = "/data/client/v11/databases/" + ADDON + "/restores";
    static final String RESTORE_TRANSFER = "/data/client/v11/apps/" + APP + "/transfers/" + RESTORE_UUID;
    static final String RUN_MESSAGE_TS = "1700000000.000100";
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;
    WireMockServer wire;
    Process process;
    Path stderr;
    int port;
    int starts;

    @BeforeEach
    void start() {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        // Slack
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(Fixtures.read("slack/chat-postMessage.json"))));
        wire.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson(Fixtures.read("slack/chat-update.json"))));
        wire.stubFor(post(urlPathEqualTo("/respond/restore")).willReturn(aResponse().withStatus(200).withBody("ok")));
        wire.stubFor(post(urlPathEqualTo("/respond/confirm")).willReturn(aResponse().withStatus(200).withBody("ok")));
        // Status pages (noted by preflight, never a reason to stop)
        wire.stubFor(get(urlEqualTo("/heroku-status/api/v4/current-status"))
                .willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-green.json"))));
        wire.stubFor(get(urlEqualTo("/netlify-status/api/v2/summary.json"))
                .willReturn(okJson(Fixtures.read("platformstatus/netlify-summary-operational.json"))));
        // Heroku Platform API
        String appInfo = Fixtures.read("heroku/app-info.json");
        String appInMaintenance = appInfo.replace("\"maintenance\": false", "\"maintenance\": true");
        assertTrue(appInMaintenance.contains("\"maintenance\": true"), "the fixture's maintenance flag");
        for (String state : List.of(Scenario.STARTED, "maintenance-on")) {
            boolean on = state.equals("maintenance-on");
            wire.stubFor(get(urlEqualTo("/platform/apps/" + APP)).inScenario("maintenance").whenScenarioStateIs(state)
                    .willReturn(okJson(on ? appInMaintenance : appInfo)));
            wire.stubFor(patch(urlEqualTo("/platform/apps/" + APP)).inScenario("maintenance").whenScenarioStateIs(state)
                    .withRequestBody(matchingJsonPath("$.maintenance", equalTo("true")))
                    .willReturn(okJson(appInMaintenance)).willSetStateTo("maintenance-on"));
            wire.stubFor(patch(urlEqualTo("/platform/apps/" + APP)).inScenario("maintenance").whenScenarioStateIs(state)
                    .withRequestBody(matchingJsonPath("$.maintenance", equalTo("false")))
                    .willReturn(okJson(appInfo)).willSetStateTo(Scenario.STARTED));
        }
        wire.stubFor(post(urlEqualTo("/platform/actions/addon-attachments/resolve"))
                .willReturn(okJson(Fixtures.read("heroku/addon-attachments-resolve.json"))));
        wire.stubFor(delete(urlEqualTo("/platform/apps/" + APP + "/dynos")).willReturn(aResponse().withStatus(202).withBody("{}")));
        // The app's health URL
        wire.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(200).withBody("ok")));
        // Data API: the safety backup finishes at once; the restore runs (never finishing, until switched)
        String capture = Fixtures.read("heroku/pg/capture-finished.json");
        wire.stubFor(post(urlEqualTo("/data/client/v11/databases/" + ADDON + "/backups")).willReturn(okJson(capture)));
        wire.stubFor(get(urlEqualTo("/data/client/v11/apps/" + APP + "/transfers/" + CAPTURE_UUID)).willReturn(okJson(capture)));
        wire.stubFor(get(urlEqualTo("/data/client/v11/apps/" + APP + "/transfers")).willReturn(okJson("[" + capture + "]")));
        wire.stubFor(post(urlEqualTo(RESTORES)).willReturn(okJson(Fixtures.read("heroku/pg/restore-pending.json"))));
        wire.stubFor(get(urlEqualTo(RESTORE_TRANSFER)).willReturn(okJson(Fixtures.read("heroku/pg/restore-running.json"))));
        stderr = dir.resolve("stderr.log");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        wire.stop();
    }

    /** Starts {@code ./lifeboat serve} against WireMock, on the test's data dir, with a fresh port. */
    void serve() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        starts++;
        ProcessBuilder builder = new ProcessBuilder("./lifeboat", "serve");
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("HEROKU_")
                || name.startsWith("NETLIFY_") || name.startsWith("LIFEBOAT_") || name.startsWith("STATUSPAGE_")
                || name.startsWith("AWS_") || name.startsWith("APP_") || name.equals("DATABASE_URL")
                || name.equals("JAVA_OPTS") || name.equals("PORT"));
        builder.environment().putAll(env());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("LIFEBOAT_DATA_DIR", dir.resolve("data").toString());
        builder.redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process = builder.start();
    }

    /** The variables every Lifeboat of this test gets: Slack, Heroku and the app are WireMock. */
    Map<String, String> env() {
        String base = "http://127.0.0.1:" + wire.port();
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", base + "/api/");
        env.put("LIFEBOAT_INCIDENT_CHANNEL", CHANNEL);
        env.put("LIFEBOAT_OPERATORS", OPERATOR);
        env.put("HEROKU_API_KEY", "HRKU-resume-test-key");
        env.put("HEROKU_APP", APP);
        env.put("HEROKU_API_URL", base + "/platform");
        env.put("HEROKU_DATA_API_URL", base + "/data");
        env.put("HEROKU_STATUS_URL", base + "/heroku-status");
        env.put("NETLIFY_STATUS_URL", base + "/netlify-status");
        env.put("APP_URL", base);
        env.put("APP_HEALTH_PATH", "/health");
        return env;
    }

    String log() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    void awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(uri("/healthz")).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Lifeboat did not become ready; alive=" + process.isAlive() + "\n" + log());
    }

    HttpResponse<String> slash(String text, String respond) throws Exception {
        return slash(uri("/slack/events"), text, respond);
    }

    HttpResponse<String> slash(URI events, String text, String respond) throws Exception {
        SlackRequests slack = new SlackRequests(events, SECRET);
        return http.send(slack.signed(SlackRequests.slashCommandBody(text, OPERATOR, CHANNEL,
                "http://127.0.0.1:" + wire.port() + "/respond/" + respond)), HttpResponse.BodyHandlers.ofString());
    }

    void await(String what, Duration within, BooleanSupplier done) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what + "\n--- requests ---\n" + requests() + "\n--- log ---\n" + log());
    }

    String requests() {
        StringBuilder out = new StringBuilder();
        for (var event : wire.getAllServeEvents()) {
            LoggedRequest r = event.getRequest();
            out.append(r.getMethod()).append(' ').append(r.getUrl()).append('\n');
        }
        return out.toString();
    }

    int count(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        return wire.findAll(pattern).size();
    }

    static String field(LoggedRequest form, String name) {
        for (String pair : form.getBodyAsString().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Messages posted to the channel itself (the run's message), not thread replies. */
    List<LoggedRequest> runMessages() {
        return wire.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .filter(r -> field(r, "thread_ts") == null).toList();
    }

    List<String> threadReplies() {
        return wire.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .filter(r -> RUN_MESSAGE_TS.equals(field(r, "thread_ts"))).map(r -> field(r, "text")).toList();
    }

    String allAnswers() {
        StringBuilder out = new StringBuilder();
        for (LoggedRequest r : wire.findAll(postRequestedFor(urlPathEqualTo("/respond/restore")))) {
            out.append(r.getBodyAsString()).append('\n');
        }
        return out.toString();
    }

    @Test
    void aRestoreKilledWhileWaitingResumesOnTheSameTransferAndTheSameMessage() throws Exception {
        serve();
        awaitReady();

        // The card: a proposed run, nothing changed yet.
        HttpResponse<String> asked = slash("restore " + DUMP, "restore");
        assertEquals(200, asked.statusCode(), asked.body());
        Pattern runId = Pattern.compile("r-[a-z0-9]{6}");
        String[] found = new String[1];
        await("the restore's card", Duration.ofSeconds(30), () -> {
            Matcher m = runId.matcher(asked.body() + "\n" + allAnswers());
            if (m.find()) {
                found[0] = m.group();
                return true;
            }
            return false;
        });
        String run = found[0];
        assertEquals(0, count(postRequestedFor(urlEqualTo(RESTORES))), "a card changes nothing");

        // Typed confirmation, as the card's modal would run it.
        HttpResponse<String> confirmed = slash("confirm " + run + " " + APP, "confirm");
        assertEquals(200, confirmed.statusCode(), confirmed.body());

        // Waiting on the restore: Heroku has the POST and at least one poll.
        await("the restore POST and a poll of its transfer", Duration.ofSeconds(60),
                () -> count(postRequestedFor(urlEqualTo(RESTORES))) == 1
                        && count(getRequestedFor(urlEqualTo(RESTORE_TRANSFER))) >= 1);
        await("the run's message", Duration.ofSeconds(30), () -> !runMessages().isEmpty());
        assertEquals(1, runMessages().size(), requests());

        // SIGKILL: no clean shutdown, no chance to save anything more.
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed process ended");
        assertFalse(log().contains("event=stopped"), "no graceful stop happened");
        int maintenanceOffBefore = count(patchRequestedFor(urlEqualTo("/platform/apps/" + APP))
                .withRequestBody(matchingJsonPath("$.maintenance", equalTo("false"))));
        assertEquals(0, maintenanceOffBefore, "maintenance is still on while the restore waits");

        // Meanwhile Heroku finished the restore.
        String finished = Fixtures.read("heroku/pg/restore-running.json")
                .replace("\"processed_bytes\": 8388608", "\"processed_bytes\": 43710221")
                .replace("\"succeeded\": null", "\"succeeded\": true")
                .replace("\"finished_at\": null", "\"finished_at\": \"2024-05-15 07:24:10 +0000\"");
        wire.stubFor(get(urlEqualTo(RESTORE_TRANSFER)).willReturn(okJson(finished)));
        int pollsBefore = count(getRequestedFor(urlEqualTo(RESTORE_TRANSFER)));
        int updatesBefore = count(postRequestedFor(urlEqualTo("/api/chat.update")));

        serve();
        awaitReady();

        await("the resumed run to succeed", Duration.ofSeconds(90), () -> threadReplies().stream()
                .anyMatch(text -> text != null && text.contains("Succeeded")));

        String log = log();
        assertTrue(count(getRequestedFor(urlEqualTo(RESTORE_TRANSFER))) > pollsBefore, "the recorded transfer is read again");
        wire.verify(1, postRequestedFor(urlEqualTo(RESTORES)));
        assertEquals(1, count(postRequestedFor(urlEqualTo("/data/client/v11/databases/" + ADDON + "/backups"))),
                "the safety backup is not taken again");
        assertTrue(count(patchRequestedFor(urlEqualTo("/platform/apps/" + APP))
                .withRequestBody(matchingJsonPath("$.maintenance", equalTo("false")))) >= 1,
                "maintenance mode off: " + requests());
        assertEquals(1, count(deleteRequestedFor(urlEqualTo("/platform/apps/" + APP + "/dynos"))), "dynos restarted once");
        assertTrue(count(getRequestedFor(urlEqualTo("/health"))) >= 1, "the app is verified");
        assertEquals(1, runMessages().size(), "no second run message: " + requests());
        await("an edit of the same message after the restart", Duration.ofSeconds(10),
                () -> count(postRequestedFor(urlEqualTo("/api/chat.update"))) > updatesBefore);
        List<LoggedRequest> updates = wire.findAll(postRequestedFor(urlEqualTo("/api/chat.update")));
        for (LoggedRequest update : updates) {
            assertEquals(RUN_MESSAGE_TS, field(update, "ts"), "every edit is of the original message");
            assertEquals(CHANNEL, field(update, "channel"));
        }
        await("the final edit", Duration.ofSeconds(10), () -> wire.findAll(postRequestedFor(urlEqualTo("/api/chat.update")))
                .stream().anyMatch(u -> String.valueOf(field(u, "text")).contains("Succeeded")));
        List<String> replies = threadReplies();
        assertTrue(replies.stream().anyMatch(text -> text.contains("Lifeboat restarted; resuming from: Wait for the restore")),
                "a thread reply says it resumed: " + replies);
        assertTrue(log.contains("event=runs_resumed count=1"), log);
        assertTrue(log.contains(run), "the run's id is in the log");
        assertFalse(log.contains(BOT_TOKEN));
    }

    @Test
    void aRestoreWhoseInstanceIsKilledIsTakenOverByAnotherInstanceOnTheSamePostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String databaseUrl = "postgres://postgres:unused@localhost:" + postgres.getPort() + "/postgres";
            Map<String, ServeProcess> instances = new HashMap<>();
            try {
                for (String name : List.of("web.1", "web.2")) {
                    Map<String, String> env = env();
                    env.put("DATABASE_URL", databaseUrl);
                    env.put("LIFEBOAT_INSTANCE", name);
                    env.put("LIFEBOAT_DATA_DIR", dir.resolve(name).toString());
                    instances.put(name, ServeProcess.start(env, dir.resolve(name + ".log")));
                }
                ServeProcess web1 = instances.get("web.1");
                ServeProcess web2 = instances.get("web.2");
                web1.awaitReady(Duration.ofSeconds(120));
                web2.awaitReady(Duration.ofSeconds(120));

                // web.1 is asked, and runs the restore until it waits on Heroku.
                HttpResponse<String> asked = slash(web1.uri("/slack/events"), "restore " + DUMP, "restore");
                assertEquals(200, asked.statusCode(), asked.body());
                Pattern runId = Pattern.compile("r-[a-z0-9]{6}");
                String[] found = new String[1];
                await("the restore's card", Duration.ofSeconds(30), () -> {
                    Matcher m = runId.matcher(asked.body() + "\n" + allAnswers());
                    if (m.find()) {
                        found[0] = m.group();
                        return true;
                    }
                    return false;
                });
                String run = found[0];
                assertEquals(200, slash(web1.uri("/slack/events"), "confirm " + run + " " + APP, "confirm").statusCode());
                await("the restore POST and a poll of its transfer", Duration.ofSeconds(60),
                        () -> count(postRequestedFor(urlEqualTo(RESTORES))) == 1
                                && count(getRequestedFor(urlEqualTo(RESTORE_TRANSFER))) >= 1);

                // web.1 dies outright; Heroku finishes the restore meanwhile.
                Instant killed = Instant.now();
                web1.kill();
                wire.stubFor(get(urlEqualTo(RESTORE_TRANSFER)).willReturn(okJson(Fixtures.read("heroku/pg/restore-running.json")
                        .replace("\"processed_bytes\": 8388608", "\"processed_bytes\": 43710221")
                        .replace("\"succeeded\": null", "\"succeeded\": true")
                        .replace("\"finished_at\": null", "\"finished_at\": \"2024-05-15 07:24:10 +0000\""))));

                // web.2, still running, takes the run over once web.1's lease has run out, and finishes it.
                await("web.2 to finish the run", Duration.ofSeconds(180), () -> threadReplies().stream()
                        .anyMatch(text -> text != null && text.contains("Succeeded")));
                Duration takeover = Duration.between(killed, Instant.now());
                assertTrue(web2.log().contains("event=run_resumed run=" + run + " instance=web.2"), web2.log());
                assertTrue(threadReplies().stream().anyMatch(t -> t.contains("web.2 takes over from: Wait for the restore")),
                        "the thread says which instance took over: " + threadReplies());
                wire.verify(1, postRequestedFor(urlEqualTo(RESTORES)));
                assertEquals(1, count(postRequestedFor(urlEqualTo("/data/client/v11/databases/" + ADDON + "/backups"))),
                        "the safety backup is not taken again");
                assertEquals(1, count(deleteRequestedFor(urlEqualTo("/platform/apps/" + APP + "/dynos"))), "dynos restarted once");
                assertEquals(1, runMessages().size(), "the same run message: " + requests());
                System.out.printf("run takeover: web.1 killed, web.2 finished run %s %d ms later (lease %d s, renewal %d s)%n",
                        run, takeover.toMillis(), dev.lifeboat.runbook.RunEngine.LEASE.toSeconds(),
                        dev.lifeboat.runbook.RunEngine.LEASE_RENEWAL.toSeconds());
            } finally {
                for (ServeProcess p : instances.values()) {
                    p.close();
                }
            }
        }
    }
}
