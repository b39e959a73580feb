package dev.lifeboat.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which calls are retried, how often and after how long: one row per rule. The sleeper records instead of sleeping,
 * so every wait the interceptor decided on is asserted.
 */
class RetryInterceptorTest {
    static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(10));

    WireMockServer wire;
    final List<Duration> waits = new ArrayList<>();
    OkHttpClient client;

    @BeforeEach
    void start() {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        client = new OkHttpClient.Builder()
                .readTimeout(Duration.ofMillis(300))
                .retryOnConnectionFailure(false)
                .addInterceptor(new RetryInterceptor(POLICY, waits::add))
                .build();
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    /** The first {@code failures} answers are {@code status} (with Retry-After when given), then 200. */
    void failThenSucceed(int failures, int status, String retryAfter) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures; i++) {
            var response = aResponse().withStatus(status);
            if (!retryAfter.isEmpty()) {
                response = response.withHeader("Retry-After", retryAfter);
            }
            String next = "failed-" + (i + 1);
            wire.stubFor(any(urlEqualTo("/thing")).inScenario("s").whenScenarioStateIs(state)
                    .willReturn(response).willSetStateTo(next));
            state = next;
        }
        wire.stubFor(any(urlEqualTo("/thing")).inScenario("s").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    Response call(String method) throws IOException {
        RequestBody body = method.equals("GET") || method.equals("HEAD") ? null
                : RequestBody.create("{}", MediaType.get("application/json"));
        return client.newCall(new Request.Builder().url(wire.url("/thing")).method(method, body).build()).execute();
    }

    @ParameterizedTest(name = "{0} answered {1} (Retry-After \"{2}\") once: final {3} after {4} calls")
    @CsvSource({
            // method, status, Retry-After, final status, calls made
            "GET,    429, 1,   200, 2",   // a short Retry-After is waited out and the GET retried
            "GET,    429, '',  200, 2",   // no Retry-After: backoff, then retried
            "GET,    503, '',  200, 2",   // 5xx retried
            "GET,    500, '',  200, 2",
            "HEAD,   429, 1,   200, 2",
            "GET,    429, 60,  429, 1",   // Retry-After past the policy's total: not waited, the 429 returned
            "GET,    404, '',  404, 1",   // a client error is an answer, not a failure to retry
            "GET,    401, '',  401, 1",
            "POST,   429, 1,   429, 1",   // a change is never retried here: it could happen twice
            "POST,   503, '',  503, 1",
            "PATCH,  503, '',  503, 1",
            "DELETE, 503, '',  503, 1",
            "PUT,    500, '',  500, 1",
    })
    void retriesOnlyIdempotentCallsOnRetryableAnswers(String method, int status, String retryAfter, int finalStatus,
                                                       int calls) throws IOException {
        failThenSucceed(1, status, retryAfter);

        try (Response response = call(method)) {
            assertEquals(finalStatus, response.code());
        }
        wire.verify(calls, anyRequestedFor(urlEqualTo("/thing")));
        assertEquals(calls - 1, waits.size(), "one wait before each retry: " + waits);
    }

    @Test
    void aRetryAfterIsWaitedExactly() throws IOException {
        failThenSucceed(1, 429, "2");

        try (Response response = call("GET")) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void backoffGrowsAndStaysWithinItsCap() throws IOException {
        failThenSucceed(2, 503, "");

        try (Response response = call("GET")) {
            assertEquals(200, response.code());
        }
        assertEquals(2, waits.size());
        assertTrue(between(waits.get(0), 100, 200), "first wait in [base/2, base]: " + waits);
        assertTrue(between(waits.get(1), 200, 400), "second wait in [base, 2 base]: " + waits);
    }

    @Test
    void atMostMaxAttemptsThenTheLastAnswerIsReturned() throws IOException {
        failThenSucceed(5, 503, "");

        try (Response response = call("GET")) {
            assertEquals(503, response.code());
        }
        wire.verify(3, anyRequestedFor(urlEqualTo("/thing")));
    }

    @Test
    void aRetryAfterLongerThanTheCallersDeadlineIsReportedAtOnce() throws IOException {
        failThenSucceed(1, 429, "5");

        int status = Deadline.within(System.nanoTime() + Duration.ofSeconds(4).toNanos(), () -> {
            try (Response response = call("GET")) {
                return response.code();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertEquals(429, status, "the rate limit is the answer: waiting 5 s would end past the 4 s left");
        assertEquals(List.of(), waits);
        wire.verify(1, anyRequestedFor(urlEqualTo("/thing")));
    }

    @Test
    void aRetryAfterWithinTheCallersDeadlineIsWaited() throws IOException {
        failThenSucceed(1, 429, "1");

        int status = Deadline.within(System.nanoTime() + Duration.ofSeconds(4).toNanos(), () -> {
            try (Response response = call("GET")) {
                return response.code();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertEquals(200, status);
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
    }

    @Test
    void aGetThatTimesOutIsRetried() throws IOException {
        wire.stubFor(any(urlEqualTo("/thing")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_000)).willSetStateTo("fast"));
        wire.stubFor(any(urlEqualTo("/thing")).inScenario("t").whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(200)));

        try (Response response = call("GET")) {
            assertEquals(200, response.code());
        }
        assertEquals(1, waits.size());
    }

    @Test
    void aGetThatAlwaysTimesOutFailsAfterMaxAttempts() {
        wire.stubFor(any(urlEqualTo("/thing")).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

        assertThrows(SocketTimeoutException.class, () -> call("GET").close());
        assertEquals(2, waits.size(), "three attempts, two waits");
    }

    @Test
    void aPostThatTimesOutIsNotRetried() {
        wire.stubFor(any(urlEqualTo("/thing")).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

        assertThrows(SocketTimeoutException.class, () -> call("POST").close());
        assertEquals(List.of(), waits);
    }

    @Test
    void aRefusedGetIsRetriedThenFails() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Request request = new Request.Builder().url("http://127.0.0.1:" + closed + "/thing").get().build();

        assertThrows(ConnectException.class, () -> client.newCall(request).execute().close());
        assertEquals(2, waits.size(), "refused connections are retried like timeouts");
    }

    @Test
    void aConnectionResetIsNotRetriedSilently() {
        wire.stubFor(any(urlEqualTo("/thing")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThrows(IOException.class, () -> call("GET").close());
        assertEquals(List.of(), waits);
    }

    static boolean between(Duration d, long lowMillis, long highMillis) {
        return d.toMillis() >= lowMillis && d.toMillis() <= highMillis;
    }
}
