package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.audit.AuditTimings;
import dev.lifeboat.audit.JdbcAuditLog;
import dev.lifeboat.health.HealthBoard;
import dev.lifeboat.store.Database;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SwitchableDataSource;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /healthz} tells the truth about each part Lifeboat needs, against the real server: the state store (a query
 * with a short timeout, cached a second), the audit writer and, in Socket Mode, the socket. 200 while Lifeboat can do
 * its job, 503 naming the failing part when it cannot; never a host, URL or error text in the (public) body.
 */
class HealthzEndToEndTest {
    static final String SECRET = "healthz-signing-secret-0123456789abcdef";
    static final ObjectMapper json = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();
    static final AtomicReference<SwitchableDataSource> store = new AtomicReference<>();
    static final AtomicReference<SwitchableDataSource> auditStore = new AtomicReference<>();

    static WireMockServer wire;
    static RunningLifeboat lifeboat;

    @TempDir
    static Path dataDir;

    /** The store as the health check and the audit writer reach it, each through a switch the test can throw. */
    static final class Switches extends AbstractModule {
        @Provides
        @Singleton
        DataSource dataSource(Database database) {
            store.set(new SwitchableDataSource(database.dataSource()));
            return store.get();
        }

        @Provides
        @Singleton
        AuditLog auditLog(Database database, HealthBoard health, Lifecycle lifecycle) {
            auditStore.set(new SwitchableDataSource(database.dataSource()));
            return lifecycle.manage(new JdbcAuditLog(auditStore.get(), health, AuditTimings.DEFAULT));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-0000-healthz-token");
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", "http://127.0.0.1:" + wire.port() + "/api/");
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        lifeboat = RunningLifeboat.start(env, List.of(new Switches()));
    }

    @AfterAll
    static void stop() {
        store.get().up();
        auditStore.get().up();
        lifeboat.close();
        wire.stop();
    }

    @AfterEach
    void heal() throws Exception {
        store.get().up();
        auditStore.get().up();
        awaitHealth(body -> body.path("status").asText().equals("ok"));
    }

    static HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(lifeboat.uri(SlackServer.HEALTH_PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode awaitHealth(Predicate<JsonNode> wanted) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = health().body();
            JsonNode body = json.readTree(last);
            if (wanted.test(body)) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("/healthz never got there; last: " + last);
    }

    /** Nothing in the body a stranger could learn the setup from. */
    static void assertPublic(String body) {
        for (String secretish : List.of("db.internal", "127.0.0.1", "://", "http:", "refused", "Exception", "jdbc", "h2",
                dataDir.toString())) {
            assertFalse(body.contains(secretish), "'" + secretish + "' in " + body);
        }
    }

    @Test
    void allWellIs200NamingEveryPartAndItsState() throws Exception {
        HttpResponse<String> response = health();

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"ok\",\"mode\":\"http\",\"parts\":{\"slack\":{\"state\":\"ok\"},"
                + "\"audit\":{\"state\":\"ok\",\"backlog\":0,\"set_aside\":0},\"store\":{\"state\":\"ok\"}}}",
                response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void anUnreachableStoreIs503NamingTheStoreAndNothingElse() throws Exception {
        store.get().down();

        JsonNode body = awaitHealth(b -> b.path("parts").path("store").path("state").asText().equals("unreachable"));
        HttpResponse<String> response = health();

        assertEquals(503, response.statusCode());
        assertEquals("not_ready", body.path("status").asText());
        assertEquals("[\"store\"]", body.path("failing").toString());
        assertEquals("ok", body.path("parts").path("slack").path("state").asText());
        assertPublic(response.body());
    }

    @Test
    void aStoreThatHangsIsNoAnswerWithinAboutASecondAndAFloodCostsItOneQuery() throws Exception {
        Thread.sleep(1_100); // the last answer ("ok") ages out
        store.get().hang();
        int askedBefore = store.get().asked();

        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            flood.add(http.sendAsync(HttpRequest.newBuilder(lifeboat.uri(SlackServer.HEALTH_PATH)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : flood) {
            answers.add(f.get(10, TimeUnit.SECONDS));
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        for (HttpResponse<String> answer : answers) {
            assertEquals(503, answer.statusCode(), answer.body());
            JsonNode body = json.readTree(answer.body());
            assertEquals("no_answer", body.path("parts").path("store").path("state").asText(), answer.body());
            assertEquals("[\"store\"]", body.path("failing").toString());
            assertPublic(answer.body());
        }
        assertTrue(ms < 2_500, "answered within the check's short timeout, not the store's: " + ms + " ms");
        assertEquals(1, store.get().asked() - askedBefore, "forty health checks, one query to the store");
    }

    @Test
    void auditWritesFailingIs503NamingTheAuditWithItsBacklog() throws Exception {
        auditStore.get().down();
        lifeboat.get(AuditLog.class).append(new AuditEntry(Instant.now(), "U0HEALTH", "healthz", "slack",
                Optional.of("C1"), "status", "ok", Optional.empty(), "r-healthz"));

        JsonNode body = awaitHealth(b -> b.path("parts").path("audit").path("state").asText().equals("failing"));
        HttpResponse<String> response = health();

        assertEquals(503, response.statusCode());
        assertEquals("not_ready", body.path("status").asText());
        assertEquals("[\"audit\"]", body.path("failing").toString());
        assertTrue(body.path("parts").path("audit").path("backlog").asLong() >= 1, body.toString());
        assertEquals("ok", body.path("parts").path("store").path("state").asText());
        assertPublic(response.body());

        auditStore.get().up();
        JsonNode healed = awaitHealth(b -> b.path("status").asText().equals("ok"));
        assertEquals(0, healed.path("parts").path("audit").path("backlog").asLong(), "the waiting entry was written");
    }

    /**
     * In Socket Mode the socket itself counts: connected, 200; once it is lost and cannot be opened again (Slack's
     * endpoint gone), 503 naming Slack.
     */
    @Test
    void inSocketModeALostConnectionIs503NamingSlack() throws Exception {
        SlackSocketModeEndToEndTest.FakeSocketModeServer socket = new SlackSocketModeEndToEndTest.FakeSocketModeServer();
        socket.start();
        WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());
        RunningLifeboat socketLifeboat = null;
        try {
            assertTrue(socket.started.await(10, TimeUnit.SECONDS));
            slack.start();
            slack.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
            slack.stubFor(post(urlEqualTo("/api/apps.connections.open"))
                    .withHeader("Authorization", equalTo("Bearer xapp-1-A0LIFEBOAT-0000-healthz-app-token"))
                    .willReturn(okJson("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=h\"}")));
            Map<String, String> env = new HashMap<>();
            env.put("SLACK_BOT_TOKEN", "xoxb-0000-healthz-token");
            env.put("SLACK_APP_TOKEN", "xapp-1-A0LIFEBOAT-0000-healthz-app-token");
            env.put("SLACK_API_URL", "http://127.0.0.1:" + slack.port() + "/api/");
            env.put("LIFEBOAT_DATA_DIR", dataDir.resolve("socket").toString());
            socketLifeboat = RunningLifeboat.start(env, List.of());
            assertTrue(socket.connected.await(20, TimeUnit.SECONDS), "connected");
            RunningLifeboat running = socketLifeboat;
            java.util.function.Supplier<HttpResponse<String>> ask = () -> {
                try {
                    return http.send(HttpRequest.newBuilder(running.uri(SlackServer.HEALTH_PATH)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            HttpResponse<String> connected = awaitAnswer(ask, r -> r.body().contains("\"slack\":{\"state\":\"connected\"}"));
            assertEquals(200, connected.statusCode(), connected.body());
            assertTrue(connected.body().startsWith("{\"status\":\"ok\",\"mode\":\"socket\""), connected.body());

            slack.stubFor(post(urlEqualTo("/api/apps.connections.open")).willReturn(okJson("{\"ok\":false,\"error\":\"internal_error\"}")));
            socket.stop(2_000);

            HttpResponse<String> lost = awaitAnswer(ask, r -> r.statusCode() == 503);
            JsonNode body = json.readTree(lost.body());
            assertEquals("not_ready", body.path("status").asText());
            assertEquals("[\"slack\"]", body.path("failing").toString());
            assertEquals("disconnected", body.path("parts").path("slack").path("state").asText());
            assertPublic(lost.body());
        } finally {
            if (socketLifeboat != null) {
                socketLifeboat.close();
            }
            slack.stop();
        }
    }

    static HttpResponse<String> awaitAnswer(java.util.function.Supplier<HttpResponse<String>> ask,
                                            Predicate<HttpResponse<String>> wanted) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = ask.get();
            if (wanted.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/healthz never got there; last: " + (last == null ? "" : last.body()));
    }

    @Test
    void anUnknownReportedProblemShowsAsItsOwnPartWithoutItsReason() throws Exception {
        HealthBoard board = lifeboat.get(HealthBoard.class);
        board.report("monitor", HealthBoard.Severity.DEGRADED, "behind",
                "cannot reach https://user:pw@app.example.com/up: ConnectException");
        try {
            HttpResponse<String> response = health();

            assertEquals(200, response.statusCode());
            JsonNode body = json.readTree(response.body());
            assertEquals("degraded", body.path("status").asText());
            assertEquals("behind", body.path("parts").path("monitor").path("state").asText());
            assertPublic(response.body());
            assertFalse(response.body().contains("app.example.com"), response.body());
        } finally {
            board.clear("monitor");
        }
    }
}
