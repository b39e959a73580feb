package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WireMock plays Slack's response_url; the waits are recorded instead of slept. */
class ResponseUrlClientTest {
    static final String BODY = "{\"response_type\":\"ephemeral\",\"text\":\"All clear\"}";

    WireMockServer wire;
    final List<Duration> waited = new ArrayList<>();
    ResponseUrlClient client;

    @BeforeEach
    void start() {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        client = new ResponseUrlClient(new OkHttpClient(), waited::add);
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    String url() {
        return "http://127.0.0.1:" + wire.port() + "/commands/T0/123/abc";
    }

    /** Slack answers {@code first} to the first {@code times} posts, then 200. */
    void answer(int times, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= times; i++) {
            wire.stubFor(post(urlEqualTo("/commands/T0/123/abc")).inScenario("slack").whenScenarioStateIs(state)
                    .willReturn(first).willSetStateTo("after " + i));
            state = "after " + i;
        }
        wire.stubFor(post(urlEqualTo("/commands/T0/123/abc")).inScenario("slack").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    int posts() {
        return wire.findAll(postRequestedFor(urlEqualTo("/commands/T0/123/abc"))).size();
    }

    @Test
    void aRateLimitedAnswerIsPostedAgainAfterSlacksRetryAfter() {
        answer(1, aResponse().withStatus(429).withHeader("Retry-After", "2"));

        ResponseUrlClient.Outcome outcome = client.post(url(), BODY);

        assertEquals(new ResponseUrlClient.Outcome(200, 2), outcome);
        assertEquals(List.of(Duration.ofSeconds(2)), waited);
        wire.verify(2, postRequestedFor(urlEqualTo("/commands/T0/123/abc")).withRequestBody(equalToJson(BODY)));
    }

    @Test
    void rateLimitsAreRetriedAtMostThreeTriesInAll() {
        answer(5, aResponse().withStatus(429).withHeader("Retry-After", "1"));

        ResponseUrlClient.Outcome outcome = client.post(url(), BODY);

        assertEquals(new ResponseUrlClient.Outcome(429, 3), outcome);
        assertEquals(3, posts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), waited);
    }

    @Test
    void aRetryAfterBeyondTenSecondsIsNotWaitedFor() {
        answer(1, aResponse().withStatus(429).withHeader("Retry-After", "30"));

        assertEquals(new ResponseUrlClient.Outcome(429, 1), client.post(url(), BODY));
        assertTrue(waited.isEmpty());
        assertEquals(1, posts());
    }

    @Test
    void waitsAddUpToAtMostTenSeconds() {
        answer(2, aResponse().withStatus(429).withHeader("Retry-After", "6"));

        assertEquals(new ResponseUrlClient.Outcome(429, 2), client.post(url(), BODY));
        assertEquals(List.of(Duration.ofSeconds(6)), waited, "6 s more would pass 10 s in all");
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsOneSecond() {
        answer(1, aResponse().withStatus(429));

        assertEquals(new ResponseUrlClient.Outcome(200, 2), client.post(url(), BODY));
        assertEquals(List.of(Duration.ofSeconds(1)), waited);
    }

    @Test
    void aServerErrorIsRetriedOnce() {
        answer(1, aResponse().withStatus(503));

        assertEquals(new ResponseUrlClient.Outcome(200, 2), client.post(url(), BODY));
        assertEquals(2, posts());
    }

    @Test
    void aSecondServerErrorIsNotRetried() {
        answer(3, aResponse().withStatus(500));

        assertEquals(new ResponseUrlClient.Outcome(500, 2), client.post(url(), BODY));
        assertEquals(2, posts());
    }

    @Test
    void anExpiredResponseUrlIsNotRetried() {
        answer(3, aResponse().withStatus(404).withBody("expired_url"));

        assertEquals(new ResponseUrlClient.Outcome(404, 1), client.post(url(), BODY));
        assertEquals(1, posts());
    }

    @Test
    void whileStoppingThereIsOneTryOnly() {
        answer(1, aResponse().withStatus(429).withHeader("Retry-After", "1"));

        assertEquals(new ResponseUrlClient.Outcome(429, 1), client.postOnce(url(), BODY));
        assertTrue(waited.isEmpty());
    }
}
