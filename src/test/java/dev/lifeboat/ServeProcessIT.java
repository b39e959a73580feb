package dev.lifeboat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RawHttp;
import dev.lifeboat.testing.SlackRequests;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lifeboat serve} as a real process (after {@code package}), against WireMock as Slack's Web API, the
 * platforms' status pages and the response_url: a refused token ends it with one clear line; SIGTERM in the middle
 * of a command still delivers the answer and exits 0; a body far larger than the heap is refused.
 */
class ServeProcessIT {
    static final String SECRET = "process-signing-secret-0123456789abcdef";
    static final String BOT_TOKEN = "xoxb-4444-5555-process-token";
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;
    WireMockServer wire;
    Process process;
    Path stderr;
    int port;

    @BeforeEach
    void start() throws IOException {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wire.stubFor(post(urlPathEqualTo("/respond/status")).willReturn(aResponse().withStatus(200).withBody("ok")));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        stderr = dir.resolve("stderr.log");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        wire.stop();
    }

    /** Starts {@code ./lifeboat serve} with only the variables given here (and the test's own PATH, HOME, JAVA_HOME). */
    void serve(Map<String, String> extra) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("./lifeboat", "serve");
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("HEROKU_")
                || name.startsWith("NETLIFY_") || name.startsWith("LIFEBOAT_") || name.startsWith("STATUSPAGE_")
                || name.startsWith("AWS_") || name.equals("DATABASE_URL") || name.equals("JAVA_OPTS") || name.equals("PORT"));
        String base = "http://127.0.0.1:" + wire.port();
        builder.environment().putAll(Map.of(
                "SLACK_BOT_TOKEN", BOT_TOKEN,
                "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", base + "/api/",
                "PORT", Integer.toString(port),
                "LIFEBOAT_DATA_DIR", dir.resolve("data").toString(),
                "HEROKU_STATUS_URL", base + "/heroku-status",
                "NETLIFY_STATUS_URL", base + "/netlify-status"));
        builder.environment().putAll(extra);
        builder.redirectErrorStream(false);
        builder.redirectError(stderr.toFile());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process = builder.start();
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

    HttpResponse<String> slash(String text, String responseUrl) throws Exception {
        SlackRequests slack = new SlackRequests(uri("/slack/events"), SECRET);
        return http.send(slack.signed(SlackRequests.slashCommandBody(text, "U0SOMEONE", "C0INCIDENT", responseUrl)),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenSlackRefusesEndsTheProcessWithExitTwoAndOneClearLine() throws Exception {
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));

        serve(Map.of());

        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the process ended by itself");
        String log = log();
        assertEquals(2, process.exitValue(), log);
        List<String> lines = log.lines().filter(line -> line.startsWith("Lifeboat cannot start")).toList();
        assertEquals(List.of("Lifeboat cannot start: Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth). Check the"
                + " token (Slack app → OAuth & Permissions → Bot User OAuth Token) and that the app is still installed in"
                + " the workspace."), lines);
        assertFalse(log.contains(BOT_TOKEN), "the token is never printed");
        assertEquals(1, wire.findAll(postRequestedFor(urlEqualTo("/api/auth.test"))).size(), "no retry after a definite no");
    }

    @Test
    void sigtermInTheMiddleOfACommandStillDeliversTheAnswerAndExitsZero() throws Exception {
        // Heroku's status page answers after 2.5 s (its client waits 3 s at most, the status deadline is 4 s): the
        // command is still running when SIGTERM comes, a few milliseconds after the acknowledgement.
        wire.stubFor(get(urlEqualTo("/heroku-status/api/v4/current-status"))
                .willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-green.json")).withFixedDelay(2_500)));
        wire.stubFor(get(urlEqualTo("/netlify-status/api/v2/summary.json"))
                .willReturn(okJson(Fixtures.read("platformstatus/netlify-summary-operational.json"))));
        serve(Map.of());
        awaitReady();

        HttpResponse<String> ack = slash("status", "http://127.0.0.1:" + wire.port() + "/respond/status");
        assertEquals(200, ack.statusCode());
        Instant signalled = Instant.now();
        process.destroy();  // SIGTERM, as Heroku sends it

        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "exited within Heroku's 30 s");
        Duration took = Duration.between(signalled, Instant.now());
        String log = log();
        assertEquals(0, process.exitValue(), log);
        List<LoggedRequest> answers = wire.findAll(postRequestedFor(urlPathEqualTo("/respond/status")));
        assertEquals(1, answers.size(), log);
        assertTrue(answers.get(0).getBodyAsString().contains("*Heroku*: Apps green, Data green, Tools green"),
                "the full report, not a cut-off one: " + answers.get(0).getBodyAsString() + "\n" + log);
        assertTrue(log.contains("event=signal name=SIGTERM"), log);
        assertTrue(log.contains("event=stopped graceful=true"), log);
        assertTrue(took.toSeconds() < 30, "took " + took);
        assertFalse(log.contains(BOT_TOKEN));
    }

    @Test
    void aBodyFarLargerThanTheHeapIsRefusedAndTheServerCarriesOn() throws Exception {
        serve(Map.of("JAVA_OPTS", "-Xmx128m -XX:+UseSerialGC"));
        awaitReady();
        long size = 150L * 1024 * 1024;

        int declared = RawHttp.postLargeBody("127.0.0.1", port, "/slack/events", size, false);
        int chunked = RawHttp.postLargeBody("127.0.0.1", port, "/slack/events", size, true);

        assertEquals(413, declared);
        assertEquals(413, chunked);
        HttpResponse<String> help = slash("help", "http://127.0.0.1:" + wire.port() + "/respond/help");
        assertEquals(200, help.statusCode());
        assertTrue(help.body().contains("Lifeboat commands"), help.body());
        assertTrue(process.isAlive());
        assertFalse(log().contains("OutOfMemoryError"), log());
    }
}
