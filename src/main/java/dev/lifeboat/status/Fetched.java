package dev.lifeboat.status;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.InvalidIdException;
import dev.lifeboat.http.UpstreamException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The outcome of one upstream call in a status round: a value, or why there is none. A rate limit or a timeout
 * says nothing about the thing itself, so neither is ever read as "down".
 */
public final class Fetched<T> {
    /** Why a value is missing. */
    public enum Gap { NONE, NOT_CONFIGURED, TIMED_OUT, RATE_LIMITED, FAILED }

    private final T value;
    private final Gap gap;
    private final String why;

    private Fetched(T value, Gap gap, String why) {
        this.value = value;
        this.gap = gap;
        this.why = why;
    }

    public static <T> Fetched<T> of(T value) {
        return new Fetched<>(value, Gap.NONE, "");
    }

    public static <T> Fetched<T> notConfigured(String hint) {
        return new Fetched<>(null, Gap.NOT_CONFIGURED, hint);
    }

    /** No value because {@code cause}, a fact this one depends on, has none: the same gap, with its own reason. */
    public static <T> Fetched<T> without(Fetched<?> cause, String why) {
        return new Fetched<>(null, cause.gap(), why);
    }

    /** A check that did not complete: unknown, for {@code why}. */
    public static <T> Fetched<T> unknown(Gap gap, String why) {
        if (gap == Gap.NONE || gap == Gap.NOT_CONFIGURED) {
            throw new IllegalArgumentException("an unknown fact needs a gap: " + gap);
        }
        return new Fetched<>(null, gap, why);
    }

    public static <T> Fetched<T> timedOut(Duration deadline) {
        return new Fetched<>(null, Gap.TIMED_OUT, "no answer within " + seconds(deadline));
    }

    /** Classifies a failure from a future. */
    public static <T> Fetched<T> failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return new Fetched<>(null, Gap.TIMED_OUT, "no answer in time");
        }
        if (cause instanceof UpstreamException upstream) {
            if (upstream.failure() == Failure.RATE_LIMITED) {
                return new Fetched<>(null, Gap.RATE_LIMITED, upstream.system() + " rate limited"
                        + upstream.retryAfter().map(d -> " (retry in " + Math.max(1, d.toSeconds()) + " s)").orElse(""));
            }
            if (upstream.failure() == Failure.TIMEOUT) {
                return new Fetched<>(null, Gap.TIMED_OUT, Redact.text(upstream.getMessage()));
            }
            return new Fetched<>(null, Gap.FAILED, Redact.text(upstream.getMessage()));
        }
        if (cause instanceof InvalidIdException invalid) {
            // An id an upstream gave us that we refuse to put in a path: say which, never send it.
            return new Fetched<>(null, Gap.FAILED, "not asked: " + invalid.getMessage());
        }
        // Not an upstream's answer but our own fault: say so, without internals (they are logged by the caller).
        return new Fetched<>(null, Gap.FAILED, "the check itself failed (" + cause.getClass().getSimpleName() + ")");
    }

    public boolean ok() {
        return gap == Gap.NONE;
    }

    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    public Gap gap() {
        return gap;
    }

    /** Why there is no value ("" when there is one). */
    public String why() {
        return why;
    }

    public <R> Fetched<R> map(Function<T, R> f) {
        return ok() ? of(f.apply(value)) : new Fetched<>(null, gap, why);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
