package dev.lifeboat.statuspage;

import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpFailure;
import dev.lifeboat.http.UpstreamException;
import java.time.Duration;

/** A call to our Statuspage failed. The message says what to do about it and never contains the API key. */
public final class StatuspageException extends UpstreamException {
    public static final String SYSTEM = "Statuspage";

    public StatuspageException(HttpFailure failure, String message) {
        super(SYSTEM, failure, message);
    }

    /** For a failure classified differently from the HTTP layer's guess, or raised without HTTP (the demo). */
    public StatuspageException(Failure failure, int status, Duration retryAfter, String message, Throwable cause) {
        super(SYSTEM, failure, status, retryAfter, message, cause);
    }
}
