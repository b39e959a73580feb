package dev.lifeboat.audit;

import java.util.List;

/** Append-only: entries are added and read, never changed or removed. Entries are redacted before they are stored. */
public interface AuditLog {
    /** Queues the entry and returns at once; a write that fails is reported and retried, never dropped silently. */
    void append(AuditEntry entry);

    /**
     * Stores the entry before returning, or throws: used before a command changes anything, so that nothing changes
     * unless the audit log holds a record of it.
     *
     * @throws AuditUnavailableException when the entry was not stored within the log's bound (the message says why)
     */
    void appendNow(AuditEntry entry);

    /**
     * The newest {@code limit} entries of everyone, newest first.
     *
     * @throws AuditUnavailableException when the store does not answer in time or fails
     */
    List<AuditEntry> recent(int limit);

    /**
     * The newest {@code limit} entries of one actor, newest first.
     *
     * @throws AuditUnavailableException when the store does not answer in time or fails
     */
    List<AuditEntry> recentBy(String actorId, int limit);

    /**
     * Everything recorded about one run, oldest first, at most {@code limit}: the entries under its id (its start,
     * steps and end) and the commands that name it ({@code confirm RUN}, {@code approve RUN}, {@code cancel RUN}).
     *
     * @throws AuditUnavailableException when the store does not answer in time or fails
     */
    List<AuditEntry> ofRun(String runId, int limit);

    /**
     * How writing goes, for {@code /healthz}: whether writes fail right now, how many entries wait to be written, and
     * how many were set aside since start (refused by the store, or kept only in the log).
     */
    record Backlog(boolean failing, long waiting, long setAside) {
    }

    /** The writing's state; a log that writes at once has none. */
    default Backlog backlog() {
        return new Backlog(false, 0, 0);
    }
}
