package dev.lifeboat.http;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work that gives up on its calls (a status round at its deadline, or one refused as busy) cancels them: the call
 * still waiting on a hanging upstream ends at once, its connection closed, and a call started after that never
 * reaches the upstream.
 */
class DeadlineCallsTest {
    WireMockServer wire;
    OkHttpClient http;
    JsonHttp json;

    @BeforeEach
    void start() {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(get(urlEqualTo("/hang")).willReturn(okJson("{}").withFixedDelay(10_000)));
        wire.stubFor(get(urlEqualTo("/quick")).willReturn(okJson("{}")));
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
        json = new JsonHttp(http, new ObjectMapper(),
                f -> new UpstreamException("Test", f.failure(), f.status(), null, "failed: " + f.failure(), f.cause()));
    }

    @AfterEach
    void stop() {
        wire.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    Request request(String path) {
        return new Request.Builder().url("http://127.0.0.1:" + wire.port() + path).build();
    }

    @Test
    void endingTheWorkCancelsTheCallStillWaitingAtOnce() throws Exception {
        // A deadline far away: only the cancel can end this call early.
        Deadline.Calls calls = new Deadline.Calls(System.nanoTime() + Duration.ofSeconds(60).toNanos());
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> calls.run(() -> json.call(request("/hang"), Map.class)));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        // In flight: tracked, running on the dispatcher, and the upstream holding the request.
        while ((calls.openCalls() == 0 || http.dispatcher().runningCallsCount() == 0
                || wire.getAllServeEvents().isEmpty()) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(1, calls.openCalls());
        assertEquals(1, http.dispatcher().runningCallsCount());

        long start = System.nanoTime();
        assertEquals(1, calls.end());

        Exception e = assertThrows(Exception.class, () -> waiting.get(2, TimeUnit.SECONDS));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(e.getCause() instanceof UpstreamException, String.valueOf(e.getCause()));
        assertTrue(ms < 1_000, "ended " + ms + " ms after the cancel, not at the upstream's pace");
        assertEquals(0, calls.openCalls());
        assertEquals(0, http.dispatcher().runningCallsCount());
        assertEquals(0, http.connectionPool().connectionCount(), "the hanging connection is closed, not pooled");
    }

    @Test
    void aCallStartedAfterTheWorkEndedNeverReachesTheUpstream() {
        Deadline.Calls calls = new Deadline.Calls(System.nanoTime() + Duration.ofSeconds(60).toNanos());
        calls.end();

        assertThrows(UpstreamException.class, () -> calls.run(() -> json.call(request("/quick"), Map.class)));

        wire.verify(0, anyRequestedFor(anyUrl()));
        assertEquals(0, calls.openCalls());
    }

    @Test
    void callsThatEndedNormallyAreNoLongerTrackedAndWorkOutsideAnyCallsIsUntouched() {
        Deadline.Calls calls = new Deadline.Calls(System.nanoTime() + Duration.ofSeconds(60).toNanos());

        calls.run(() -> json.call(request("/quick"), Map.class));
        json.call(request("/quick"), Map.class);

        assertEquals(0, calls.openCalls());
        assertEquals(0, calls.end(), "nothing left to cancel");
        assertEquals(Optional.empty(), Deadline.current());
    }
}
