package dev.lifeboat.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.status.Fetched.Gap;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How each failure of an upstream call reads in the report: its gap and its words. */
class FetchedTest {
    static UpstreamException upstream(Failure failure, Duration retryAfter, String message) {
        return new UpstreamException("Heroku", failure, failure == Failure.RATE_LIMITED ? 429 : 500, retryAfter, message, null);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("429 with Retry-After", upstream(Failure.RATE_LIMITED, Duration.ofSeconds(5), "x"),
                        Gap.RATE_LIMITED, "Heroku rate limited (retry in 5 s)"),
                Arguments.of("429 with a sub-second Retry-After", upstream(Failure.RATE_LIMITED, Duration.ofMillis(300), "x"),
                        Gap.RATE_LIMITED, "Heroku rate limited (retry in 1 s)"),
                Arguments.of("429 without Retry-After", upstream(Failure.RATE_LIMITED, null, "x"),
                        Gap.RATE_LIMITED, "Heroku rate limited"),
                Arguments.of("an upstream timeout", upstream(Failure.TIMEOUT, null, "Heroku did not answer in time"),
                        Gap.TIMED_OUT, "Heroku did not answer in time"),
                Arguments.of("a server error", upstream(Failure.SERVER_ERROR, null, "Heroku failed (503)"),
                        Gap.FAILED, "Heroku failed (503)"),
                Arguments.of("a message carrying a token is redacted",
                        upstream(Failure.UNAUTHORIZED, null, "rejected Bearer abcdefghijklmnop1234 at https://u:p@h.example/x?sig=1"),
                        Gap.FAILED, "rejected Bearer **** at https://****@h.example/x?…"),
                Arguments.of("wrapped in a CompletionException",
                        new CompletionException(upstream(Failure.RATE_LIMITED, Duration.ofSeconds(2), "x")),
                        Gap.RATE_LIMITED, "Heroku rate limited (retry in 2 s)"),
                Arguments.of("a future's timeout", new CompletionException(new TimeoutException()), Gap.TIMED_OUT, "no answer in time"),
                Arguments.of("an id we refuse to send", new dev.lifeboat.http.InvalidIdException(dev.lifeboat.http.PathId.Kind.ADDON, ".."),
                        Gap.FAILED, "not asked: `..` is not an add-on id or name (expected e.g. postgresql-curved-12345)."),
                Arguments.of("our own bug", new IllegalStateException("boom"), Gap.FAILED, "the check itself failed (IllegalStateException)"),
                Arguments.of("a CompletionException without a cause", new CompletionException("x", null), Gap.FAILED,
                        "the check itself failed (CompletionException)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void eachFailureReadsAsItsGapInWords(String name, Throwable error, Gap gap, String why) {
        Fetched<String> fetched = Fetched.failed(error);

        assertEquals(gap, fetched.gap());
        assertEquals(why, fetched.why());
        assertFalse(fetched.ok());
        assertEquals(Optional.empty(), fetched.value());
    }

    @Test
    void aDeadlineIsSaidInSecondsOrTenths() {
        assertEquals("no answer within 4 s", Fetched.timedOut(Duration.ofSeconds(4)).why());
        assertEquals("no answer within 2.5 s", Fetched.timedOut(Duration.ofMillis(2_500)).why());
        assertEquals(Gap.TIMED_OUT, Fetched.timedOut(Duration.ofSeconds(4)).gap());
    }

    @Test
    void aValueIsOkAndMaps() {
        Fetched<Integer> fetched = Fetched.of(20);

        assertTrue(fetched.ok());
        assertEquals("", fetched.why());
        assertEquals(Optional.of("20"), fetched.map(String::valueOf).value());
    }

    @Test
    void aGapMapsToTheSameGap() {
        Fetched<Integer> limited = Fetched.failed(upstream(Failure.RATE_LIMITED, Duration.ofSeconds(5), "x"));

        Fetched<String> mapped = limited.map(String::valueOf);

        assertEquals(Gap.RATE_LIMITED, mapped.gap());
        assertEquals("Heroku rate limited (retry in 5 s)", mapped.why());
    }

    @Test
    void aDependentFactKeepsTheCausesGapWithItsOwnReason() {
        Fetched<String> site = Fetched.timedOut(Duration.ofSeconds(4));

        Fetched<Integer> probe = Fetched.without(site, "not checked: Netlify did not give the site's URL");

        assertEquals(Gap.TIMED_OUT, probe.gap());
        assertEquals("not checked: Netlify did not give the site's URL", probe.why());
    }

    @Test
    void anUnknownFactNeedsAGap() {
        assertEquals(Gap.TIMED_OUT, Fetched.unknown(Gap.TIMED_OUT, "cancelled: status round ended").gap());
        assertThrows(IllegalArgumentException.class, () -> Fetched.unknown(Gap.NONE, "x"));
        assertThrows(IllegalArgumentException.class, () -> Fetched.unknown(Gap.NOT_CONFIGURED, "x"));
    }
}
