package dev.lifeboat.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;

/**
 * Retries GET and HEAD calls on timeouts, refused connections, 5xx and 429, bounded in count and time. Calls that
 * change something (POST, PATCH, PUT, DELETE) are never retried here: a retried capture or restore could run twice.
 * A wait that would end past the policy's total or the caller's {@link Deadline} is not taken: the last answer (a
 * 429 with its {@code Retry-After}, say) is returned at once, so the caller can report it in time.
 */
public final class RetryInterceptor implements Interceptor {
    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public RetryInterceptor(RetryPolicy policy) {
        this(policy, duration -> Thread.sleep(duration.toMillis()));
    }

    public RetryInterceptor(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    @NotNull
    @Override
    public Response intercept(@NotNull Chain chain) throws IOException {
        Request request = chain.request();
        if (!isIdempotent(request.method())) {
            return chain.proceed(request);
        }
        long deadline = System.nanoTime() + policy.maxTotal().toNanos();
        // A caller's own deadline (a status round's) wins: never sleep past it.
        deadline = Math.min(deadline, Deadline.current().orElse(Long.MAX_VALUE));
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= policy.maxAttempts();
            Response response;
            try {
                response = chain.proceed(request);
            } catch (SocketTimeoutException | ConnectException e) {
                if (last || !waitBeforeRetry(attempt, Optional.empty(), deadline)) {
                    throw e;
                }
                continue;
            }
            int code = response.code();
            boolean retryable = code == 429 || code >= 500;
            if (!retryable || last) {
                return response;
            }
            Optional<Duration> retryAfter = RateLimits.retryAfter(response);
            if (!waitBeforeRetry(attempt, retryAfter, deadline)) {
                return response;
            }
            response.close();
        }
    }

    private boolean waitBeforeRetry(int attempt, Optional<Duration> retryAfter, long deadline) throws IOException {
        long cap = policy.baseDelay().toMillis() * (1L << Math.min(attempt - 1, 10));
        long delayMillis = retryAfter.map(Duration::toMillis)
                .orElseGet(() -> cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        if (System.nanoTime() + Duration.ofMillis(delayMillis).toNanos() > deadline) {
            return false;
        }
        try {
            sleeper.sleep(Duration.ofMillis(delayMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
        return true;
    }

    static boolean isIdempotent(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }
}
