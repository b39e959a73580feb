package dev.lifeboat.heroku;

import dev.lifeboat.http.RetryInterceptor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;

/**
 * Watches Heroku's {@code RateLimit-Remaining} header and, once the account's allowance runs low, spaces calls out
 * a little (more the scarcer it gets) so a long recovery does not run into 429s half-way. Heroku refills about 75
 * calls a minute, so at the bottom one call every {@link #MAX_DELAY} keeps pace with the refill.
 */
final class RateLimitThrottle implements Interceptor {
    static final String HEADER = "RateLimit-Remaining";
    /** Below this many remaining calls, calls slow down. */
    static final int LOW = 100;
    /** The pause before a call when nothing remains. */
    static final Duration MAX_DELAY = Duration.ofSeconds(1);

    private final RetryInterceptor.Sleeper sleeper;
    private final AtomicInteger remaining = new AtomicInteger(Integer.MAX_VALUE);

    RateLimitThrottle(RetryInterceptor.Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /** The pause before the next call when Heroku last said {@code remaining} calls were left. */
    static Duration delayFor(int remaining) {
        if (remaining >= LOW) {
            return Duration.ZERO;
        }
        int scarcity = LOW - Math.max(0, remaining);
        return MAX_DELAY.multipliedBy(scarcity).dividedBy(LOW);
    }

    /** What Heroku last said, or {@link Integer#MAX_VALUE} before any answer carried the header. */
    int remaining() {
        return remaining.get();
    }

    @NotNull
    @Override
    public Response intercept(@NotNull Chain chain) throws IOException {
        Duration delay = delayFor(remaining.get());
        if (!delay.isZero()) {
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while pacing Heroku calls");
            }
        }
        Response response = chain.proceed(chain.request());
        String header = response.header(HEADER);
        if (header != null) {
            try {
                remaining.set(Integer.parseInt(header.trim()));
            } catch (NumberFormatException ignored) {
                // A header we cannot read tells us nothing; keep the last known value.
            }
        }
        return response;
    }
}
