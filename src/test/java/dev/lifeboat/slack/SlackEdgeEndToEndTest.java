package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RawHttp;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SlackRequests;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the HTTP edge refuses before Bolt (oversized bodies, TRACE), what it never tells (Jetty's version), and how
 * answers leave it: the "busy" note after the acknowledgement, replies retried when Slack rate-limits them. The work
 * executor here has one thread and no queue, so a second slow command finds it full.
 */
class SlackEdgeEndToEndTest {
    static final String SECRET = "edge-signing-secret-0123456789abcdef";
    static final String USER = "U0SOMEONE";
    static final String CHANNEL = "C0INCIDENT";

    static WireMockServer wire;
    static RunningLifeboat lifeboat;
    static SlackRequests slack;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();
    static final AtomicInteger responseUrls = new AtomicInteger();
    static final AtomicReference<CountDownLatch> release = new AtomicReference<>(new CountDownLatch(0));
    static final AtomicReference<CountDownLatch> started = new AtomicReference<>(new CountDownLatch(1));
    static final ThreadPoolExecutor oneAtATime = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());

    @TempDir
    static Path dataDir;

    /** A command that answers after the upstream work and waits until the test releases it. */
    static final class SlowCommand implements CommandHandler {
        @Override
        public CommandSpec spec() {
            return CommandSpec.reads("slow", "", "waits for the test (test double)");
        }

        @Override
        public Reply handle(Invocation invocation) {
            started.get().countDown();
            try {
                release.get().await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.text("Slow answer");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-0000-edge-token");
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", "http://127.0.0.1:" + wire.port() + "/api/");
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        lifeboat = RunningLifeboat.start(env, List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Key.get(ExecutorService.class, Names.named("work"))).toInstance(oneAtATime);
            }
        }), new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), CommandHandler.class).addBinding().toInstance(new SlowCommand());
            }
        });
        slack = new SlackRequests(lifeboat.uri(SlackServer.EVENTS_PATH), SECRET);
    }

    @AfterAll
    static void stop() {
        release.get().countDown();
        lifeboat.close();
        wire.stop();
    }

    @BeforeEach
    void stubs() throws Exception {
        // The one work thread may still be posting the previous test's answer: each test starts with it free.
        Instant idleBy = Instant.now().plusSeconds(15);
        while (oneAtATime.getActiveCount() > 0 && Instant.now().isBefore(idleBy)) {
            Thread.sleep(10);
        }
        wire.resetAll();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        responseUrls.incrementAndGet();
        wire.stubFor(post(urlPathEqualTo(responsePath())).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    static String responsePath() {
        return "/respond/" + responseUrls.get();
    }

    static String responseUrl() {
        return "http://127.0.0.1:" + wire.port() + responsePath();
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> slash(String text, String responseUrl) throws Exception {
        return send(slack.signed(SlackRequests.slashCommandBody(text, USER, CHANNEL, responseUrl)));
    }

    List<LoggedRequest> awaitPosts(String path, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            List<LoggedRequest> posts = wire.findAll(postRequestedFor(urlPathEqualTo(path)));
            if (posts.size() >= count) {
                return posts;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("fewer than " + count + " posts to " + path + " within 15 s");
    }

    static void assertNoVersion(HttpResponse<String> response) {
        HttpHeaders headers = response.headers();
        assertTrue(headers.firstValue("Server").isEmpty(), "no Server header: " + headers.map());
        assertTrue(headers.firstValue("X-Powered-By").isEmpty(), "no X-Powered-By header: " + headers.map());
        assertFalse(response.body().toLowerCase().contains("jetty"), response.body());
        assertFalse(response.body().contains("9.4"), response.body());
    }

    @Test
    void aMissingPageSaysNotFoundWithoutNamingTheServerOrItsVersion() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(lifeboat.uri("/wp-admin/")).GET().build());

        assertEquals(404, response.statusCode());
        assertEquals("{\"status\":404,\"error\":\"Not Found\"}", response.body());
        assertNoVersion(response);
    }

    @Test
    void aWrongMethodSaysSoWithoutNamingTheServerOrItsVersion() throws Exception {
        HttpResponse<String> getEvents = send(HttpRequest.newBuilder(lifeboat.uri(SlackServer.EVENTS_PATH)).GET().build());
        HttpResponse<String> postHealth = send(HttpRequest.newBuilder(lifeboat.uri(SlackServer.HEALTH_PATH))
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build());

        assertEquals(405, getEvents.statusCode());
        assertEquals(405, postHealth.statusCode());
        assertEquals("{\"status\":405,\"error\":\"Method Not Allowed\"}", postHealth.body());
        assertNoVersion(getEvents);
        assertNoVersion(postHealth);
    }

    @Test
    void traceIsRefusedAndEchoesNothing() throws Exception {
        for (String path : List.of(SlackServer.HEALTH_PATH, SlackServer.EVENTS_PATH)) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(lifeboat.uri(path))
                    .header("X-Slack-Signature", "v0=secret-looking-header")
                    .method("TRACE", HttpRequest.BodyPublishers.noBody()).build());

            assertEquals(405, response.statusCode(), path);
            assertFalse(response.body().contains("secret-looking-header"), response.body());
            assertNoVersion(response);
        }
    }

    /**
     * Every method a path does not serve is 405 with the plain error body, whatever the path; TRACE and TRACK never
     * echo the request (its headers would carry a signature or a cookie back). Unknown paths answer 404 to the
     * methods Lifeboat serves anywhere, and 405 to TRACE.
     */
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "TRACE,   /healthz,      405",
            "TRACK,   /healthz,      405",
            "PUT,     /healthz,      405",
            "DELETE,  /healthz,      405",
            "PATCH,   /healthz,      405",
            "OPTIONS, /healthz,      405",
            "TRACE,   /slack/events, 405",
            "TRACK,   /slack/events, 405",
            "GET,     /slack/events, 405",
            "HEAD,    /slack/events, 405",
            "PUT,     /slack/events, 405",
            "DELETE,  /slack/events, 405",
            "PATCH,   /slack/events, 405",
            "OPTIONS, /slack/events, 405",
            "TRACE,   /,             405",
            "TRACE,   /wp-admin/,    405",
            "OPTIONS, *,             405",
            "GET,     /healthz,      200",
            "HEAD,    /healthz,      200",
    })
    void aMethodAPathDoesNotServeIsRefusedAndNothingIsEchoed(String method, String path, int expected) throws Exception {
        RawHttp.Answer answer = RawHttp.request("127.0.0.1", lifeboat.port(), method, path,
                "X-Slack-Signature: v0=secret-looking-header\r\nCookie: session=secret-looking-cookie\r\n");

        assertEquals(expected, answer.status(), answer.head() + answer.body());
        String all = answer.head() + answer.body();
        assertFalse(all.contains("secret-looking"), all);
        assertFalse(all.toLowerCase(java.util.Locale.ROOT).contains("jetty"), all);
        if (expected == 405) {
            assertTrue(answer.body().isEmpty() || answer.body().equals("{\"status\":405,\"error\":\"Method Not Allowed\"}"),
                    answer.body());
        }
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedBeforeBoltWhetherDeclaredOrChunkedAndTheServerCarriesOn() throws Exception {
        int declared = RawHttp.postLargeBody("127.0.0.1", lifeboat.port(), SlackServer.EVENTS_PATH, 2L << 20, false);
        int chunked = RawHttp.postLargeBody("127.0.0.1", lifeboat.port(), SlackServer.EVENTS_PATH, 2L << 20, true);

        assertEquals(413, declared);
        assertEquals(413, chunked);
        HttpResponse<String> help = slash("help", responseUrl());
        assertEquals(200, help.statusCode());
        assertTrue(help.body().contains("Lifeboat commands"), help.body());
    }

    @Test
    void aSignedRequestJustUnderTheLimitStillReachesBolt() throws Exception {
        String body = SlackRequests.slashCommandBody("help", USER, CHANNEL, responseUrl()) + "&padding="
                + "a".repeat((int) BodyLimitFilter.MAX_BODY_BYTES - 2_000);

        HttpResponse<String> response = send(slack.signed(body));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Lifeboat commands"), response.body());
    }

    @Test
    void whenTheWorkQueueIsFullTheBusyNoteComesAfterTheAcknowledgement() throws Exception {
        release.set(new CountDownLatch(1));
        started.set(new CountDownLatch(1));
        String firstPath = responsePath();
        slash("slow", responseUrl());
        assertTrue(started.get().await(10, TimeUnit.SECONDS), "the first command is running");
        responseUrls.incrementAndGet();
        wire.stubFor(post(urlPathEqualTo(responsePath())).willReturn(aResponse().withStatus(200)));

        HttpResponse<String> ack = slash("slow", responseUrl());
        Instant acked = Instant.now();

        assertEquals(200, ack.statusCode());
        assertFalse(ack.body().contains("busy"), "the acknowledgement itself is plain: " + ack.body());
        LoggedRequest note = awaitPosts(responsePath(), 1).get(0);
        assertTrue(note.getBodyAsString().contains("Lifeboat is busy with other requests; try again in a few seconds."),
                note.getBodyAsString());
        assertTrue(note.getLoggedDate().toInstant().isAfter(acked), "the note came after the acknowledgement");
        release.get().countDown();
        assertTrue(awaitPosts(firstPath, 1).get(0).getBodyAsString().contains("Slow answer"));
    }

    @Test
    void anAnswerSlackRateLimitsIsPostedAgainAfterRetryAfter() throws Exception {
        release.set(new CountDownLatch(0));
        wire.stubFor(post(urlPathEqualTo(responsePath())).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("limited once"));
        wire.stubFor(post(urlPathEqualTo(responsePath())).inScenario("rate").whenScenarioStateIs("limited once")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        slash("slow", responseUrl());

        List<LoggedRequest> posts = awaitPosts(responsePath(), 2);
        JsonNode second = json.readTree(posts.get(1).getBodyAsString());
        assertEquals("Slow answer", second.path("text").asText());
        assertEquals(posts.get(0).getBodyAsString(), posts.get(1).getBodyAsString(), "the same answer, posted again");
        Duration between = Duration.between(posts.get(0).getLoggedDate().toInstant(), posts.get(1).getLoggedDate().toInstant());
        assertTrue(between.toMillis() >= 900, "waited for Retry-After: " + between);
    }
}
