package dev.lifeboat.netlify;

import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpFailure;
import dev.lifeboat.http.UpstreamException;
import java.time.Duration;

/** A call to Netlify failed. The message says what to do about it and never contains the token. */
public final class NetlifyException extends UpstreamException {
    public static final String SYSTEM = "Netlify";

    public NetlifyException(HttpFailure failure, String message) {
        super(SYSTEM, failure, message);
    }

    /** For failures raised without an HTTP exchange (the demo site, say). */
    public NetlifyException(Failure failure, int status, Duration retryAfter, String message) {
        super(SYSTEM, failure, status, retryAfter, message, null);
    }
}
