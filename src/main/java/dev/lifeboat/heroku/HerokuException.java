package dev.lifeboat.heroku;

import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpFailure;
import dev.lifeboat.http.UpstreamException;
import java.time.Duration;

/** A Heroku Platform API call failed. The message says what to do and never contains the token or config values. */
public final class HerokuException extends UpstreamException {
    public static final String SYSTEM = "Heroku";

    public HerokuException(HttpFailure failure, String message) {
        super(SYSTEM, failure, message);
    }

    /** For failures found without a call (an empty answer) and for the simulated Heroku. */
    public HerokuException(Failure failure, int status, Duration retryAfter, String message) {
        super(SYSTEM, failure, status, retryAfter, message, null);
    }
}
