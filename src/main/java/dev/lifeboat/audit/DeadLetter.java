package dev.lifeboat.audit;

import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an entry goes that the audit log cannot hold: the {@code audit_dead_letter} table when it can be written
 * there, otherwise the log at ERROR with every field of the entry (already redacted), so nothing disappears unseen.
 */
final class DeadLetter {
    private static final Logger log = LoggerFactory.getLogger(DeadLetter.class);

    private final AuditRows rows;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();

    DeadLetter(AuditRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** The database refused this entry's values: keep it aside, with why. */
    void putAside(AuditEntry entry, String reason) {
        count.incrementAndGet();
        try {
            rows.insertDeadLetter(entry, reason, clock.instant());
            log.warn("event=audit_entry_put_aside run={} table=audit_dead_letter reason=\"{}\"", entry.runId(), reason);
        } catch (SQLException e) {
            logEntry(entry, reason + "; the dead-letter table refused it too: " + SqlFaults.reason(e));
        }
    }

    /** The entry cannot reach the store at all: the log is its only record. */
    void logOnly(AuditEntry entry, String reason) {
        count.incrementAndGet();
        logEntry(entry, reason);
    }

    /** How many entries were set aside (in the table or the log) since start. */
    long count() {
        return count.get();
    }

    private static void logEntry(AuditEntry entry, String reason) {
        log.error("event=audit_entry_not_stored reason=\"{}\" {}", reason, AuditRows.describe(entry));
    }
}
