package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RawHttp;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SlackRequests;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack's Web API unreachable, failing or refusing the token when Lifeboat starts: Lifeboat serves anyway, /healthz
 * says why it is not ready, and it becomes ready by itself once Slack answers. Retries are fast here (50 ms doubling
 * to 200 ms) so the tests need not wait out the real backoff.
 */
class SlackStartupEndToEndTest {
    static final String SECRET = "startup-signing-secret-0123456789abcdef";
    static final String BOT_TOKEN = "xoxb-0000-startup-token";
    static final Module FAST_RETRIES = new AbstractModule() {
        @Override
        protected void configure() {
            bind(ConnectBackoff.class).toInstance(new ConnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.2));
        }
    };

    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dataDir;
    WireMockServer wire;
    RunningLifeboat lifeboat;

    @AfterEach
    void stop() {
        if (lifeboat != null) {
            lifeboat.close();
        }
        if (wire != null) {
            wire.stop();
        }
    }

    RunningLifeboat startAgainst(int slackPort) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", "http://127.0.0.1:" + slackPort + "/api/");
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        return RunningLifeboat.starting(env, List.of(FAST_RETRIES));
    }

    HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(lifeboat.uri(SlackServer.HEALTH_PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> slash(String text) throws Exception {
        SlackRequests slack = new SlackRequests(lifeboat.uri(SlackServer.EVENTS_PATH), SECRET);
        return http.send(slack.signed(SlackRequests.slashCommandBody(text, "U0SOMEONE", "C0INCIDENT",
                "http://127.0.0.1:1/respond")), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * /healthz once it reports {@code status} with Slack in {@code slackState}, while the connection's reason (for
     * the log, never the public body) contains {@code reason}.
     */
    JsonNode awaitHealth(String status, String slackState, String reason) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = health().body();
            JsonNode body = json.readTree(last);
            if (status.equals(body.path("status").asText())
                    && slackState.equals(body.path("parts").path("slack").path("state").asText())
                    && lifeboat.server().connection().problem().contains(reason)) {
                assertFalse(last.contains("127.0.0.1") || last.contains("http:") || last.contains("Exception")
                        || last.contains("Slack answered") || last.contains("SLACK_"), "a public body: " + last);
                return body;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("/healthz never said " + status + " with slack " + slackState + " ('" + reason
                + "'); last: " + last + "; reason: " + lifeboat.server().connection().problem());
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void slackUnreachableAtStartIsReportedByHealthzUntilSlackAnswersThenCommandsWork() throws Exception {
        int slackPort = freePort();
        lifeboat = startAgainst(slackPort);

        JsonNode starting = awaitHealth("starting", "starting", "cannot reach Slack at http://127.0.0.1:" + slackPort + "/api/ for auth.test");
        HttpResponse<String> health = health();
        assertEquals(503, health.statusCode());
        assertEquals("http", starting.path("mode").asText());
        assertEquals("[\"slack\"]", starting.path("failing").toString());
        assertTrue(lifeboat.server().connection().problem().contains("ConnectException"), lifeboat.server().connection().problem());
        assertFalse(health.body().contains(BOT_TOKEN));

        wire = new WireMockServer(wireMockConfig().port(slackPort));
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));

        assertInstanceOf(SlackCheck.Accepted.class, lifeboat.server().connection().outcome().get(20, TimeUnit.SECONDS));
        HttpResponse<String> ready = health();
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().startsWith("{\"status\":\"ok\",\"mode\":\"http\",\"parts\":{\"slack\":{\"state\":\"ok\"}"), ready.body());
        HttpResponse<String> help = slash("help");
        assertEquals(200, help.statusCode());
        assertTrue(help.body().contains("Lifeboat commands"), help.body());
    }

    @Test
    void slackAnsweringServerErrorsIsWaitedOutAndMeanwhileASignedCommandIsToldWhy() throws Exception {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(aResponse().withStatus(503).withBody("upstream connect error")));
        lifeboat = startAgainst(wire.port());

        awaitHealth("starting", "starting", "Slack answered auth.test with HTTP 503");
        assertEquals(503, health().statusCode());
        HttpResponse<String> whileStarting = slash("status");
        assertEquals(200, whileStarting.statusCode());
        JsonNode answer = json.readTree(whileStarting.body());
        assertEquals("ephemeral", answer.path("response_type").asText());
        assertTrue(answer.path("text").asText().startsWith(":hourglass_flowing_sand: Lifeboat has just started and cannot use"
                + " Slack's Web API yet (Slack answered auth.test with HTTP 503). It keeps retrying by itself: try again in a"
                + " minute."), answer.toString());
        HttpResponse<String> unsigned = http.send(new SlackRequests(lifeboat.uri(SlackServer.EVENTS_PATH), SECRET)
                .unsigned("command=%2Fdr&text=status"), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode(), "still no way in without the signature");
        assertEquals(413, RawHttp.postLargeBody("127.0.0.1", lifeboat.port(), SlackServer.EVENTS_PATH, 2L << 20, true),
                "the body limit comes before the starting gate reads a body");

        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));

        assertInstanceOf(SlackCheck.Accepted.class, lifeboat.server().connection().outcome().get(20, TimeUnit.SECONDS));
        assertEquals(200, health().statusCode());
        HttpResponse<String> help = slash("help");
        assertTrue(help.body().contains("Lifeboat commands"), help.body());
        assertTrue(wire.findAll(postRequestedFor(urlEqualTo("/api/auth.test"))).size() >= 2, "auth.test was retried");
    }

    @Test
    void aTokenSlackRefusesEndsTheAttemptsAndHealthzNamesTheVariableNotTheToken() throws Exception {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
        lifeboat = startAgainst(wire.port());

        SlackCheck.Result outcome = lifeboat.server().connection().outcome().get(20, TimeUnit.SECONDS);

        SlackCheck.Refused refused = assertInstanceOf(SlackCheck.Refused.class, outcome);
        assertTrue(refused.reason().startsWith("Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth)."), refused.reason());
        HttpResponse<String> health = health();
        assertEquals(503, health.statusCode());
        JsonNode body = json.readTree(health.body());
        assertEquals("refused", body.path("parts").path("slack").path("state").asText(), health.body());
        assertEquals("[\"slack\"]", body.path("failing").toString());
        assertFalse(health.body().contains(BOT_TOKEN));
        assertFalse(health.body().contains("invalid_auth"), "the reason is for the log: " + health.body());
        Thread.sleep(500);
        assertEquals(1, wire.findAll(postRequestedFor(urlEqualTo("/api/auth.test"))).size(), "no retry after a definite no");
    }

    @Test
    void inSocketModeAFailingConnectionOpenIsRetriedUntilTheSocketIsUp() throws Exception {
        SlackSocketModeEndToEndTest.FakeSocketModeServer socket = new SlackSocketModeEndToEndTest.FakeSocketModeServer();
        socket.start();
        try {
            assertTrue(socket.started.await(10, TimeUnit.SECONDS));
            wire = new WireMockServer(wireMockConfig().dynamicPort());
            wire.start();
            wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
            wire.stubFor(post(urlEqualTo("/api/apps.connections.open")).willReturn(aResponse().withStatus(503)));
            Map<String, String> env = new HashMap<>();
            env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
            env.put("SLACK_APP_TOKEN", "xapp-1-A0LIFEBOAT-0000-startup-app-token");
            env.put("SLACK_API_URL", "http://127.0.0.1:" + wire.port() + "/api/");
            env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
            lifeboat = RunningLifeboat.starting(env, List.of(FAST_RETRIES));

            JsonNode starting = awaitHealth("starting", "starting", "Slack answered apps.connections.open with HTTP 503");
            assertEquals("socket", starting.path("mode").asText());
            assertEquals(503, health().statusCode());

            wire.stubFor(post(urlEqualTo("/api/apps.connections.open")).willReturn(okJson("{\"ok\":true,\"url\":"
                    + "\"ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=startup\"}")));

            assertTrue(socket.connected.await(20, TimeUnit.SECONDS), "the Socket Mode connection opened in the end");
            assertInstanceOf(SlackCheck.Accepted.class, lifeboat.server().connection().outcome().get(20, TimeUnit.SECONDS));
            String ready = health().body();
            assertTrue(ready.startsWith("{\"status\":\"ok\",\"mode\":\"socket\",\"parts\":{\"slack\":{\"state\":\"connected\"}"), ready);
        } finally {
            if (lifeboat != null) {
                lifeboat.close();
                lifeboat = null;
            }
            socket.stop(2_000);
        }
    }
}
