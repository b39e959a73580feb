package dev.lifeboat.pgbackups;

import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpFailure;
import dev.lifeboat.http.UpstreamException;
import java.time.Duration;

/** A Heroku Postgres backups (data API) call failed; the message says what to do and never holds a signed URL. */
public final class PgBackupsException extends UpstreamException {
    public static final String SYSTEM = "Heroku Postgres backups";

    public PgBackupsException(HttpFailure failure, String message) {
        super(SYSTEM, failure, message);
    }

    /** For failures found without a call and for the simulated backups API. */
    public PgBackupsException(Failure failure, int status, Duration retryAfter, String message) {
        super(SYSTEM, failure, status, retryAfter, message, null);
    }
}
