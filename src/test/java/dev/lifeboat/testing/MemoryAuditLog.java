package dev.lifeboat.testing;

import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.audit.AuditUnavailableException;
import dev.lifeboat.http.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An audit log in memory, for engine tests: remembers each entry and whether it was stored synchronously. It can be
 * made to fail as a down store does: {@code appendNow} and reads then throw, queued appends are still kept.
 */
public final class MemoryAuditLog implements AuditLog {
    /** One entry as it was appended; {@code now} when through {@link #appendNow}. */
    public record Appended(AuditEntry entry, boolean now) {
    }

    private final List<Appended> appended = new ArrayList<>();
    private volatile Optional<String> down = Optional.empty();

    /** From now on the store fails with {@code reason}. */
    public void down(String reason) {
        down = Optional.of(reason);
    }

    public synchronized List<Appended> appended() {
        return List.copyOf(appended);
    }

    public synchronized List<AuditEntry> entries() {
        return appended.stream().map(Appended::entry).toList();
    }

    @Override
    public synchronized void append(AuditEntry entry) {
        appended.add(new Appended(entry, false));
    }

    @Override
    public synchronized void appendNow(AuditEntry entry) {
        if (down.isPresent()) {
            throw new AuditUnavailableException(Failure.UNREACHABLE, "its state store fails: " + down.get(), null);
        }
        appended.add(new Appended(entry, true));
    }

    @Override
    public synchronized List<AuditEntry> recent(int limit) {
        return newestFirst(null, limit);
    }

    @Override
    public synchronized List<AuditEntry> recentBy(String actorId, int limit) {
        return newestFirst(actorId, limit);
    }

    @Override
    public synchronized List<AuditEntry> ofRun(String runId, int limit) {
        if (down.isPresent()) {
            throw new AuditUnavailableException(Failure.UNREACHABLE, "the audit log could not be read: " + down.get(), null);
        }
        return appended.stream().map(Appended::entry).filter(e -> e.runId().equals(runId)
                || e.commandText().endsWith(" " + runId) || e.commandText().contains(" " + runId + " ")).limit(limit).toList();
    }

    private List<AuditEntry> newestFirst(String actorId, int limit) {
        if (down.isPresent()) {
            throw new AuditUnavailableException(Failure.UNREACHABLE, "the audit log could not be read: " + down.get(), null);
        }
        List<AuditEntry> out = new ArrayList<>();
        for (int i = appended.size() - 1; i >= 0 && out.size() < limit; i--) {
            AuditEntry e = appended.get(i).entry();
            if (actorId == null || actorId.equals(e.actorId())) {
                out.add(e);
            }
        }
        return out;
    }
}
