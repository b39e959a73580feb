package dev.lifeboat.audit;

import java.util.List;

/** Append-only: entries are added and read, never changed or removed. */
public interface AuditLog {
    void append(AuditEntry entry);

    /** The newest {@code limit} entries, newest first. */
    List<AuditEntry> recent(int limit);
}
