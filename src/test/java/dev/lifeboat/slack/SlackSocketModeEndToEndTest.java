package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.AbstractModule;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.status.StatusTimings;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RunningLifeboat;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifeboat in Socket Mode against a fake Slack: WireMock plays the Web API ({@code auth.test},
 * {@code apps.connections.open}) and a local WebSocket server plays Slack's Socket Mode endpoint, sending
 * envelopes exactly as Slack does and reading Lifeboat's acknowledgements off the socket.
 */
class SlackSocketModeEndToEndTest {
    static final String APP_TOKEN = "xapp-1-A0LIFEBOAT-0000-e2e-app-token";
    static final String BOT_TOKEN = "xoxb-0000-e2e-token";
    static final String OPERATOR = "U0OPERATOR";
    static final String STRANGER = "U0STRANGER";
    static final String CHANNEL = "C0INCIDENT";
    static final String SOCKET_PATH = "/link/?ticket=e2e-ticket&app_id=A0LIFEBOAT";
    /** Heroku's status page answers this late, so a report that waited for it could not be in a prompt ack. */
    static final int PLATFORM_DELAY_MS = 2_000;

    static final ObjectMapper json = new ObjectMapper();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static WireMockServer wire;
    static FakeSocketModeServer socket;
    static RunningLifeboat lifeboat;
    static final List<Invocation> rehearsals = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TempDir
    static Path dataDir;

    /** Slack's Socket Mode endpoint: says hello to each new connection and queues every message the app sends. */
    static final class FakeSocketModeServer extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch connected = new CountDownLatch(1);
        final AtomicReference<WebSocket> connection = new AtomicReference<>();
        final AtomicReference<String> requestedPath = new AtomicReference<>();
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();

        FakeSocketModeServer() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            requestedPath.set(handshake.getResourceDescriptor());
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-e2e\","
                    + "\"build_number\":1,\"approximate_connection_time\":3600},\"connection_info\":{\"app_id\":\"A0LIFEBOAT\"}}");
            connection.set(conn);
            connected.countDown();
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            connection.compareAndSet(conn, null);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // A failed handshake or a reset shows up as a missing connection or ack in the tests.
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        /** Sends a {@code slash_commands} envelope for {@code /dr TEXT} and returns its envelope id. */
        String slashCommand(String text, String user, String responseUrl) {
            String envelopeId = UUID.randomUUID().toString();
            ObjectNode payload = json.createObjectNode()
                    .put("token", "legacy-verification-token")
                    .put("team_id", "T0LIFEBOAT")
                    .put("team_domain", "lifeboat-test")
                    .put("channel_id", CHANNEL)
                    .put("channel_name", "incidents")
                    .put("user_id", user)
                    .put("user_name", "user-" + user.toLowerCase())
                    .put("command", "/dr")
                    .put("text", text)
                    .put("api_app_id", "A0LIFEBOAT")
                    .put("is_enterprise_install", "false")
                    .put("response_url", responseUrl)
                    .put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
            ObjectNode envelope = json.createObjectNode()
                    .put("envelope_id", envelopeId)
                    .put("type", "slash_commands")
                    .put("accepts_response_payload", true);
            envelope.set("payload", payload);
            WebSocket conn = connection.get();
            assertNotNull(conn, "Lifeboat is connected to the Socket Mode endpoint");
            conn.send(envelope.toString());
            return envelopeId;
        }

        /** Sends an {@code interactive} envelope (a button click, a modal's submission) and returns its envelope id. */
        String interactive(JsonNode payload) {
            String envelopeId = UUID.randomUUID().toString();
            ObjectNode envelope = json.createObjectNode()
                    .put("envelope_id", envelopeId)
                    .put("type", "interactive")
                    .put("accepts_response_payload", true);
            envelope.set("payload", payload);
            WebSocket conn = connection.get();
            assertNotNull(conn, "Lifeboat is connected to the Socket Mode endpoint");
            conn.send(envelope.toString());
            return envelopeId;
        }

        /** The app's message on the socket that acknowledges {@code envelopeId}, waiting at most {@code timeout}. */
        JsonNode awaitAck(String envelopeId, Duration timeout) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                String message = left > 0 ? received.poll(left, TimeUnit.MILLISECONDS) : null;
                if (message == null) {
                    throw new AssertionError("no acknowledgement of envelope " + envelopeId + " within " + timeout);
                }
                JsonNode node = json.readTree(message);
                if (envelopeId.equals(node.path("envelope_id").asText())) {
                    return node;
                }
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        socket = new FakeSocketModeServer();
        socket.start();
        assertTrue(socket.started.await(10, TimeUnit.SECONDS), "fake Socket Mode server started");

        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        String base = "http://127.0.0.1:" + wire.port();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wire.stubFor(post(urlEqualTo("/api/apps.connections.open"))
                .withHeader("Authorization", equalTo("Bearer " + APP_TOKEN))
                .willReturn(okJson("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + SOCKET_PATH + "\"}")));
        wire.stubFor(get(urlEqualTo("/heroku-status/api/v4/current-status"))
                .willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-green.json")).withFixedDelay(PLATFORM_DELAY_MS)));
        wire.stubFor(get(urlEqualTo("/netlify-status/api/v2/summary.json"))
                .willReturn(okJson(Fixtures.read("platformstatus/netlify-summary-operational.json"))));
        wire.stubFor(post(urlPathEqualTo("/respond/status")).willReturn(aResponse().withStatus(200).withBody("ok")));

        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_APP_TOKEN", APP_TOKEN);
        env.put("SLACK_API_URL", base + "/api/");
        env.put("LIFEBOAT_OPERATORS", OPERATOR + ",S0ONCALL");
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        env.put("HEROKU_STATUS_URL", base + "/heroku-status");
        env.put("NETLIFY_STATUS_URL", base + "/netlify-status");
        wire.stubFor(post(urlEqualTo("/api/views.open")).willReturn(okJson(Fixtures.read("slack/views-open.json"))));
        wire.stubFor(post(urlPathEqualTo("/respond/typed")).willReturn(aResponse().withStatus(200).withBody("ok")));
        lifeboat = RunningLifeboat.start(env, List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(StatusTimings.class).toInstance(new StatusTimings(Duration.ofSeconds(4), Duration.ZERO));
            }
        }), TypedCommands.module(rehearsals));
        assertTrue(socket.connected.await(15, TimeUnit.SECONDS), "Lifeboat opened a Socket Mode connection");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (lifeboat != null) {
                lifeboat.close();
            }
        } finally {
            try {
                if (wire != null) {
                    wire.stop();
                }
            } finally {
                if (socket != null) {
                    socket.stop(2_000);
                }
            }
        }
    }

    static String allText(JsonNode message) {
        return SlackEndToEndTest.allText(message);
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void connectsToTheUrlThatAppsConnectionsOpenGaveForTheAppToken() {
        List<LoggedRequest> opens = wire.findAll(postRequestedFor(urlEqualTo("/api/apps.connections.open")));
        assertFalse(opens.isEmpty(), "apps.connections.open was called");
        for (LoggedRequest open : opens) {
            assertEquals("Bearer " + APP_TOKEN, open.getHeader("Authorization"), "opened with the app token, not the bot token");
        }
        assertEquals(SOCKET_PATH, socket.requestedPath.get(), "connected to the URL Slack handed out");
    }

    @Test
    void helpIsAnsweredInTheAcknowledgementOnTheSocket() throws Exception {
        String envelopeId = socket.slashCommand("help", STRANGER, "http://127.0.0.1:" + wire.port() + "/respond/help");

        JsonNode ack = socket.awaitAck(envelopeId, Duration.ofSeconds(3));

        JsonNode payload = ack.path("payload");
        assertEquals("ephemeral", payload.path("response_type").asText(), ack.toString());
        String text = allText(payload);
        assertTrue(text.contains("`/dr status`"), text);
        assertTrue(text.contains("`/dr history [N|RUN]`"), text);
        assertTrue(text.contains("Operators: <@U0OPERATOR>, <!subteam^S0ONCALL>."), text);
        assertTrue(wire.findAll(postRequestedFor(urlPathEqualTo("/respond/help"))).isEmpty(), "help needs no response_url");
    }

    @Test
    void statusIsAcknowledgedAtOnceOnTheSocketThenAnsweredThroughTheResponseUrl() throws Exception {
        String responsePath = "/respond/status";
        Instant sent = Instant.now();
        String envelopeId = socket.slashCommand("status", STRANGER, "http://127.0.0.1:" + wire.port() + responsePath);

        JsonNode ack = socket.awaitAck(envelopeId, Duration.ofSeconds(3));
        Duration ackedAfter = Duration.between(sent, Instant.now());

        assertTrue(ackedAfter.toMillis() < PLATFORM_DELAY_MS, "acked after " + ackedAfter + ", before the status round could end");
        assertFalse(ack.toString().contains("Platforms"), "the report is not in the ack: " + ack);
        assertTrue(wire.findAll(postRequestedFor(urlPathEqualTo(responsePath))).isEmpty(), "answered before the ack");

        JsonNode answer = awaitPost(responsePath, Duration.ofSeconds(10));
        String text = allText(answer);
        assertEquals("ephemeral", answer.path("response_type").asText(), answer.toString());
        assertTrue(text.contains(":large_green_circle: *Platforms* — ok\n*Heroku*: Apps green, Data green, Tools green\n"
                + "*Netlify*: All Systems Operational"), text);
        assertTrue(text.contains("*App* — not configured"), text);
        assertTrue(text.contains("not configured (set APP_URL)"), text);
    }

    @Test
    void healthzSaysSocketModeAndThereIsNoHttpEventsEndpoint() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(lifeboat.uri(SlackServer.HEALTH_PATH)).GET().build());
        HttpResponse<String> eventsGet = send(HttpRequest.newBuilder(lifeboat.uri(SlackServer.EVENTS_PATH)).GET().build());
        HttpResponse<String> eventsPost = send(formPost(SlackServer.EVENTS_PATH));
        HttpResponse<String> nowherePost = send(formPost("/no-such-path"));

        assertEquals(200, health.statusCode());
        assertTrue(health.body().startsWith("{\"status\":\"ok\",\"mode\":\"socket\",\"parts\":{\"slack\":{\"state\":\"connected\"}"),
                health.body());
        assertEquals(404, eventsGet.statusCode());
        // Jetty answers a POST to any unmapped path with 405; /slack/events must be just such a path (in HTTP mode
        // Bolt's servlet would answer this unsigned request with 401).
        assertEquals(nowherePost.statusCode(), eventsPost.statusCode(), eventsPost.body());
        assertTrue(eventsPost.statusCode() == 404 || eventsPost.statusCode() == 405, "status " + eventsPost.statusCode());
    }

    @Test
    void aTypedButtonOpensItsModalAndTheSubmissionRunsTheCommandAsTheSubmitter() throws Exception {
        Reply offer = Reply.builder("Restore b012?").buttons(List.of(
                Button.typed("Restore production", TypedCommands.COMMAND, Button.Style.DANGER, TypedCommands.EXPECTED))).build();
        JsonNode button = json.readTree(com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(BlockKit.render(offer).get(0)))
                .path("elements").get(0);
        String responseUrl = "http://127.0.0.1:" + wire.port() + "/respond/typed";
        String click = socket.interactive(TypedCommands.click(button.path("action_id").asText(), button.path("value").asText(),
                OPERATOR, CHANNEL, responseUrl, "8473651207.1395872398.socket-click"));
        socket.awaitAck(click, Duration.ofSeconds(3));
        LoggedRequest open = awaitRequest("/api/views.open", Duration.ofSeconds(5));
        assertTrue(open.getBodyAsString().contains("trigger_id=8473651207.1395872398.socket-click"), open.getBodyAsString());
        String viewJson = java.net.URLDecoder.decode(open.getBodyAsString().replaceFirst("(?s).*(?:^|&)view=([^&]*).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        JsonNode view = json.readTree(viewJson);

        JsonNode blank = socket.awaitAck(socket.interactive(TypedCommands.submission(view, OPERATOR, "")), Duration.ofSeconds(3));
        assertEquals("errors", blank.path("payload").path("response_action").asText(), blank.toString());
        assertEquals("Type acme-prod to confirm, or press Cancel.",
                blank.path("payload").path("errors").path(TypedConfirmation.BLOCK_ID).asText(), blank.toString());
        assertTrue(rehearsals.isEmpty(), "a blank word runs nothing");

        JsonNode typed = socket.awaitAck(socket.interactive(TypedCommands.submission(view, OPERATOR, "acme-prod")), Duration.ofSeconds(3));
        assertFalse(typed.path("payload").has("response_action"), "the modal closes: " + typed);
        JsonNode answer = awaitPost("/respond/typed", Duration.ofSeconds(10));
        assertTrue(allText(answer).contains("Rehearsed b012 acme-prod for <@U0OPERATOR>"), answer.toString());
        assertEquals(List.of("b012", "acme-prod"), rehearsals.get(0).args());
        assertEquals(OPERATOR, rehearsals.get(0).actor().id());
    }

    LoggedRequest awaitRequest(String path, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<LoggedRequest> found = wire.findAll(postRequestedFor(urlPathEqualTo(path)));
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing POSTed to " + path + " within " + timeout);
    }

    HttpRequest formPost(String path) {
        return HttpRequest.newBuilder(lifeboat.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("command=%2Fdr&text=help")).build();
    }

    /** The one body POSTed to {@code path} on WireMock, waiting at most {@code timeout}. */
    JsonNode awaitPost(String path, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<LoggedRequest> posts = wire.findAll(postRequestedFor(urlPathEqualTo(path)));
            if (!posts.isEmpty()) {
                assertEquals(1, posts.size(), "one answer per command");
                return json.readTree(posts.get(0).getBodyAsString());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing POSTed to " + path + " within " + timeout);
    }
}
