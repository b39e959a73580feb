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

    /**
     * A 3xx answer. API clients follow no redirects (see {@link ApiAuthInterceptor}), so this is what a system's
     * translator says instead of "unexpected status".
     */
    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /** The sentence every system adds to a redirect: what happened and that nothing was sent on. */
    public String redirectNote(String urlVariable) {
        return "Lifeboat follows no redirects from an API, so nothing (and no token) was sent where it pointed. "
                + "Check " + urlVariable + ": it should be the API's own address.";
    }
}
