package dev.lifeboat.http;

import java.time.Duration;
import java.util.Optional;

/**
 * The facts of one failed call, handed to a system's {@link ErrorTranslator}. {@code path} never carries a query
 * string, so signed URLs cannot leak through it.
 *
 * @param failure    the classified failure
 * @param status     the HTTP status, or 0 when there was no response
 * @param method     the HTTP method
 * @param path       the request path, without query
 * @param apiMessage the upstream's own error message, when its body had one
 * @param retryAfter how long the upstream asked us to wait (429)
 * @param cause      the underlying exception, if any
 */
public record HttpFailure(
        Failure failure,
        int status,
        String method,
        String path,
        Optional<String> apiMessage,
        Optional<Duration> retryAfter,
        Throwable cause) {
}
