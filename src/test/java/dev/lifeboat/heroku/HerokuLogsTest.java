package dev.lifeboat.heroku;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.heroku.HerokuTestSupport.ACCEPT;
import static dev.lifeboat.heroku.HerokuTestSupport.APP;
import static dev.lifeboat.heroku.HerokuTestSupport.TOKEN;
import static dev.lifeboat.heroku.HerokuTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.http.Failure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Log sessions: creating one, then reading its stream within a line limit and a time limit. */
class HerokuLogsTest {
    private static final String SESSION_PATH = "/sessions/7e3d1c5b-9a2f-4e8d-b6c4-0a1f3e5d7b92";

    @RegisterExtension
    static WireMockExtension heroku = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Logplex lives on another host, as in production. Unzipped, so a dribbled body arrives chunk by chunk. */
    @RegisterExtension
    static WireMockExtension logplex = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true)).build();

    private HerokuPlatform platform;

    @BeforeEach
    void setUp() {
        platform = HerokuTestSupport.client(heroku.baseUrl());
        heroku.stubFor(post("/apps/" + APP + "/log-sessions").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("log-session.json").replace("LOGPLEX_BASE", logplex.baseUrl()))));
    }

    private static List<String> plainLines() {
        return fixture("logs-plain.txt").lines().toList();
    }

    @Test
    void createLogSessionPostsLinesAndDynoWithoutTail() {
        LogSession session = platform.createLogSession(APP, LogRequest.dyno("web.1", 100));

        heroku.verify(1, postRequestedFor(urlPathEqualTo("/apps/" + APP + "/log-sessions"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo(ACCEPT))
                .withRequestBody(equalToJson("{\"lines\": 100, \"dyno\": \"web.1\", \"tail\": false}")));
        assertEquals("7e3d1c5b-9a2f-4e8d-b6c4-0a1f3e5d7b92", session.id());
        assertTrue(session.logplexUrl().startsWith(logplex.baseUrl() + SESSION_PATH + "?srv="));
        assertFalse(session.toString().contains("logplex-signature-abc123"), session.toString());
    }

    @Test
    void createLogSessionForAllDynosLeavesDynoOut() {
        platform.createLogSession(APP, LogRequest.all(50));

        heroku.verify(1, postRequestedFor(urlPathEqualTo("/apps/" + APP + "/log-sessions"))
                .withRequestBody(equalToJson("{\"lines\": 50, \"tail\": false}")));
    }

    @Test
    void eventStreamFramesBecomeLinesAndTheTokenNeverGoesToLogplex() {
        logplex.stubFor(get(urlPathEqualTo(SESSION_PATH)).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(fixture("logs-sse.txt"))));

        LogLines logs = platform.recentLogs(APP, LogRequest.dyno("web.1", 100), Duration.ofSeconds(5));

        assertEquals(LogLines.End.COMPLETE, logs.end());
        assertEquals(5, logs.lines().size());
        assertEquals(plainLines().subList(0, 4), logs.lines().subList(0, 4));
        logplex.verify(1, getRequestedFor(urlPathEqualTo(SESSION_PATH))
                .withQueryParam("srv", equalTo("1715756760"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void signedUrlsInLogLinesLoseTheirQuery() {
        logplex.stubFor(get(urlPathEqualTo(SESSION_PATH)).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain").withBody(fixture("logs-plain.txt"))));

        LogLines logs = platform.recentLogs(APP, LogRequest.all(100), Duration.ofSeconds(5));

        String last = logs.lines().get(4);
        assertTrue(last.contains("https://files.acme-shop.example/report.csv?…"), last);
        assertFalse(last.contains("deadbeef0123"), last);
    }

    @Test
    void plainTextStopsAtTheLineLimit() {
        logplex.stubFor(get(urlPathEqualTo(SESSION_PATH)).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(fixture("logs-plain.txt"))));
        LogSession session = platform.createLogSession(APP, LogRequest.all(100));

        LogLines logs = platform.readLogs(session, 3, Duration.ofSeconds(5));

        assertEquals(LogLines.End.LINE_LIMIT, logs.end());
        assertEquals(plainLines().subList(0, 3), logs.lines());
    }

    @Test
    void aSlowStreamStopsAtTheTimeLimitWithTheLinesThatArrived() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            body.append(String.format("2024-05-15T07:06:%02d.000000+00:00 app[web.1]: line %02d%n", i, i));
        }
        // Two halves, at 3 s and at 6 s: only the first arrives within the limit (wide margins for a busy machine).
        logplex.stubFor(get(urlPathEqualTo(SESSION_PATH)).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain").withBody(body.toString())
                .withChunkedDribbleDelay(2, 6000)));
        LogSession session = platform.createLogSession(APP, LogRequest.all(100));

        long started = System.nanoTime();
        LogLines logs = platform.readLogs(session, 100, Duration.ofMillis(4500));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(LogLines.End.TIME_LIMIT, logs.end());
        assertTrue(took.compareTo(Duration.ofMillis(5800)) < 0, "took " + took);
        assertTrue(logs.lines().size() >= 5 && logs.lines().size() < 40, "lines: " + logs.lines().size());
        List<String> all = body.toString().lines().toList();
        assertEquals(all.subList(0, logs.lines().size()), logs.lines());
    }

    @Test
    void aStreamThatNeverStartsIsATimeout() {
        logplex.stubFor(get(urlPathEqualTo(SESSION_PATH)).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain").withBody("late\n").withFixedDelay(1200)));
        LogSession session = platform.createLogSession(APP, LogRequest.all(10));

        HerokuException e = assertThrows(HerokuException.class,
                () -> platform.readLogs(session, 10, Duration.ofMillis(300)));

        assertEquals(Failure.TIMEOUT, e.failure());
        assertTrue(e.getMessage().startsWith("Heroku did not answer GET " + SESSION_PATH + " in time"), e.getMessage());
    }

    @Test
    void anExpiredLogSessionSaysSo() {
        logplex.stubFor(get(urlPathMatching("/sessions/.*")).willReturn(aResponse().withStatus(404)));
        LogSession session = platform.createLogSession(APP, LogRequest.all(10));

        HerokuException e = assertThrows(HerokuException.class,
                () -> platform.readLogs(session, 10, Duration.ofSeconds(2)));

        assertEquals(Failure.NOT_FOUND, e.failure());
        assertTrue(e.getMessage().startsWith("Heroku found no log session (log sessions expire"), e.getMessage());
        assertFalse(e.getMessage().contains("logplex-signature-abc123"), e.getMessage());
    }

    @Test
    void eventStreamParsingKeepsOnlyDataFrames() {
        assertEquals(Optional.of("hello"), LogStream.lineOf("data: hello", true));
        assertEquals(Optional.of("no space"), LogStream.lineOf("data:no space", true));
        assertEquals(Optional.empty(), LogStream.lineOf(": keep-alive", true));
        assertEquals(Optional.empty(), LogStream.lineOf("event: message", true));
        assertEquals(Optional.empty(), LogStream.lineOf("", true));
        assertEquals(Optional.of("data: as is"), LogStream.lineOf("data: as is", false));
    }
}
