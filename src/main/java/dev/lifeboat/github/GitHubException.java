package dev.lifeboat.github;

import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpFailure;
import dev.lifeboat.http.UpstreamException;
import java.time.Duration;

/** A call to GitHub failed. The message says what to do about it and never contains the token. */
public final class GitHubException extends UpstreamException {
    public static final String SYSTEM = "GitHub";

    public GitHubException(HttpFailure failure, String message) {
        super(SYSTEM, failure, message);
    }

    /** For failures raised without an HTTP exchange (the simulated repository, a redirect without a location). */
    public GitHubException(Failure failure, int status, Duration retryAfter, String message) {
        super(SYSTEM, failure, status, retryAfter, message, null);
    }
}
