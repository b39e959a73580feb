package dev.lifeboat.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to an external system failed. Each system has its own subclass (e.g. {@code HerokuException}); messages
 * never contain tokens, config-var values or signed URL query strings.
 */
public class UpstreamException extends RuntimeException {
    private final String system;
    private final Failure failure;
    private final int status;
    private final Duration retryAfter;

    public UpstreamException(String system, Failure failure, int status, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.system = system;
        this.failure = failure;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public UpstreamException(String system, HttpFailure failure, String message) {
        this(system, failure.failure(), failure.status(), failure.retryAfter().orElse(null), message, failure.cause());
    }

    /** The system's display name, e.g. "Heroku". */
    public String system() {
        return system;
    }

    public Failure failure() {
        return failure;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
