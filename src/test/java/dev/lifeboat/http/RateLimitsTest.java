package dev.lifeboat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wait an upstream asks for, from the headers of its 429. */
class RateLimitsTest {
    static Response withHeaders(String... nameValue) {
        Response.Builder builder = new Response.Builder().request(new Request.Builder().url("http://api.test/").build())
                .protocol(Protocol.HTTP_1_1).code(429).message("Too Many Requests");
        for (int i = 0; i < nameValue.length; i += 2) {
            builder.header(nameValue[i], nameValue[i + 1]);
        }
        return builder.build();
    }

    @ParameterizedTest(name = "Retry-After \"{0}\" → {1} s")
    @CsvSource({
            "5,     5",
            "' 7 ', 7",
            "0,     0",
            "-3,    0",        // a negative wait is no wait
            "900,   900",
            "901,   900",      // capped at 15 minutes
            "86400, 900",
    })
    void retryAfterInSeconds(String header, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), RateLimits.retryAfter(withHeaders("Retry-After", header)));
    }

    @Test
    void aResetTimeIsAWaitUntilThen() {
        long reset = Instant.now().plusSeconds(30).getEpochSecond();

        Duration wait = RateLimits.retryAfter(withHeaders("X-RateLimit-Reset", Long.toString(reset))).orElseThrow();

        assertTrue(wait.toSeconds() >= 28 && wait.toSeconds() <= 30, wait.toString());
    }

    @Test
    void anHttpDateRetryAfterFallsBackToTheResetHeader() {
        long reset = Instant.now().plusSeconds(60).getEpochSecond();

        Duration wait = RateLimits.retryAfter(withHeaders("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT",
                "X-RateLimit-Reset", Long.toString(reset))).orElseThrow();

        assertTrue(wait.toSeconds() >= 58 && wait.toSeconds() <= 60, wait.toString());
    }

    @Test
    void aResetInThePastIsNoWait() {
        long reset = Instant.now().minusSeconds(60).getEpochSecond();

        assertEquals(Optional.of(Duration.ZERO), RateLimits.retryAfter(withHeaders("X-RateLimit-Reset", Long.toString(reset))));
    }

    @Test
    void nothingReadableIsNoWait() {
        assertEquals(Optional.empty(), RateLimits.retryAfter(withHeaders()));
        assertEquals(Optional.empty(), RateLimits.retryAfter(withHeaders("Retry-After", "soon")));
        assertEquals(Optional.empty(), RateLimits.retryAfter(withHeaders("X-RateLimit-Reset", "later")));
    }
}
