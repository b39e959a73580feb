package dev.lifeboat.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Response;

/** Reads the wait an upstream asks for: {@code Retry-After} (seconds) or {@code X-RateLimit-Reset} (epoch seconds). */
public final class RateLimits {
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private RateLimits() {
    }

    public static Optional<Duration> retryAfter(Response response) {
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            try {
                return Optional.of(clamp(Duration.ofSeconds(Long.parseLong(retryAfter.trim()))));
            } catch (NumberFormatException ignored) {
                // An HTTP date: fall through to the reset header, then to none.
            }
        }
        String reset = response.header("X-RateLimit-Reset");
        if (reset != null) {
            try {
                Duration wait = Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(reset.trim())));
                return Optional.of(clamp(wait));
            } catch (NumberFormatException ignored) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Duration clamp(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
