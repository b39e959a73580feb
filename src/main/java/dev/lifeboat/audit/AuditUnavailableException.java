package dev.lifeboat.audit;

import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;

/**
 * The audit log could not store or read entries in time. The message is written for a person ("the audit log did not
 * answer within 5 s") and never holds a secret; like any upstream failure, the runner shows it as the reason a
 * command could not finish.
 */
public final class AuditUnavailableException extends UpstreamException {
    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(Failure failure, String message, Throwable cause) {
        super("the audit log", failure, 0, null, message, cause);
    }
}
