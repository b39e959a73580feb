package dev.lifeboat.command;

/**
 * Lifeboat has no room for this request right now (its queue of work, or of upstream checks, is full). The person
 * is told so, the same words wherever it happened, and may try again in a few seconds; nothing was changed.
 */
public final class BusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** What the person reads. */
    public static final String ANSWER = ":hourglass: Lifeboat is busy with other requests; try again in a few seconds.";

    /** {@code what}: which queue is full, for the log and the audit entry. */
    public BusyException(String what) {
        super(what);
    }
}
