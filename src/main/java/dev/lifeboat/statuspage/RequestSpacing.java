package dev.lifeboat.statuspage;

import dev.lifeboat.http.RetryInterceptor.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;

/**
 * Spaces requests at least {@code interval} apart (Statuspage allows about one request a second per key). Each
 * caller reserves the next free slot under a lock, then waits outside it, so concurrent callers queue in order.
 * Placed after the retry interceptor, it spaces every attempt.
 */
final class RequestSpacing implements Interceptor {
    static final Duration STATUSPAGE_INTERVAL = Duration.ofSeconds(1);

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextFree = Instant.MIN;

    RequestSpacing(Duration interval, Clock clock, Sleeper sleeper) {
        this.interval = interval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until this caller's slot. */
    void awaitTurn() throws InterruptedException {
        Instant slot;
        synchronized (this) {
            Instant now = clock.instant();
            slot = nextFree.isAfter(now) ? nextFree : now;
            nextFree = slot.plus(interval);
        }
        Duration wait = Duration.between(clock.instant(), slot);
        if (wait.compareTo(Duration.ZERO) > 0) {
            sleeper.sleep(wait);
        }
    }

    @NotNull
    @Override
    public Response intercept(@NotNull Chain chain) throws IOException {
        try {
            awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Statuspage's rate limit");
        }
        return chain.proceed(chain.request());
    }
}
