package dev.lifeboat.audit;

import dev.lifeboat.health.HealthBoard;
import dev.lifeboat.http.Failure;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The audit log in the state store (H2 or PostgreSQL, same schema). {@link #append} hands entries to one writer
 * thread ({@link AuditWriter}) that stores them in order, in batches, so answering Slack never waits on the disk;
 * {@link #appendNow} waits for its entry, at most {@link AuditTimings#startedWait()}. Failed writes are retried with
 * backoff and shown on the {@link HealthBoard} under "audit"; an entry the database refuses goes to the dead letter.
 *
 * <p>The queue holds {@value #QUEUE} entries: enough for hours of commands while the store is down. When it is full,
 * {@link #append} waits up to a second while the store works, and while it fails writes the entry to the log at
 * ERROR instead; {@link #appendNow} refuses at once, so no changing command runs unrecorded.
 */
public final class JdbcAuditLog implements AuditLog, AutoCloseable {
    static final int QUEUE = 10_000;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final AuditRows rows;
    private final AuditWriter writer;
    private final AuditTimings timings;
    private final Duration closeWait;

    public JdbcAuditLog(DataSource dataSource, HealthBoard health, AuditTimings timings) {
        this(dataSource, health, timings, QUEUE, CLOSE_WAIT);
    }

    JdbcAuditLog(DataSource dataSource, HealthBoard health, AuditTimings timings, int capacity, Duration closeWait) {
        this.rows = new AuditRows(dataSource);
        this.timings = timings;
        this.closeWait = closeWait;
        this.writer = new AuditWriter(rows, new DeadLetter(rows, Clock.systemUTC()), health, capacity);
        this.writer.start();
    }

    @Override
    public void append(AuditEntry entry) {
        writer.enqueue(AuditRows.clean(entry));
    }

    @Override
    public void appendNow(AuditEntry entry) {
        CompletableFuture<Void> stored = writer.enqueueNow(AuditRows.clean(entry));
        try {
            stored.get(timings.startedWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AuditUnavailableException(Failure.TIMEOUT, "its state store did not confirm the entry within "
                    + seconds(timings.startedWait()) + writer.problem().map(p -> ": " + p).orElse(""), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuditUnavailableException unavailable) {
                throw unavailable;
            }
            throw new AuditUnavailableException(Failure.UNEXPECTED, "the entry could not be stored", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException(Failure.UNEXPECTED, "Lifeboat stopped waiting for it", e);
        }
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return read(Optional.empty(), limit);
    }

    @Override
    public List<AuditEntry> recentBy(String actorId, int limit) {
        return read(Optional.of(actorId), limit);
    }

    /**
     * Reads within {@link AuditTimings#queryTimeout()}: first, while the store works, it waits (within the same
     * bound) for entries still queued, so a person sees the command they just ran.
     */
    @Override
    public List<AuditEntry> ofRun(String runId, int limit) {
        if (!runId.matches("[A-Za-z0-9-]{1,64}")) {
            return List.of();
        }
        return read(timeout -> rows.ofRun(runId, limit, timeout));
    }

    private List<AuditEntry> read(Optional<String> actorId, int limit) {
        return read(timeout -> rows.recent(actorId, limit, timeout));
    }

    /** One query of the log, bounded as {@link #read(Optional, int)} says. */
    @FunctionalInterface
    private interface Query {
        List<AuditEntry> run(int timeoutSeconds) throws SQLException;
    }

    private List<AuditEntry> read(Query query) {
        Duration bound = timings.queryTimeout();
        long start = System.nanoTime();
        if (writer.problem().isEmpty()) {
            writer.flush(bound);
        }
        long leftMillis = bound.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int timeoutSeconds = (int) Math.max(1, (leftMillis + 999) / 1000);
        try {
            return query.run(timeoutSeconds);
        } catch (SQLException e) {
            if (SqlFaults.timedOut(e)) {
                throw new AuditUnavailableException(Failure.TIMEOUT, "the audit log did not answer within "
                        + seconds(bound), e);
            }
            throw new AuditUnavailableException(Failure.UNREACHABLE, "the audit log could not be read: "
                    + SqlFaults.reason(e), e);
        }
    }

    @Override
    public Backlog backlog() {
        return writer.backlog();
    }

    /** Waits until every entry appended so far is stored or set aside (at most {@code wait}); false when time ran out. */
    public boolean flush(Duration wait) {
        return writer.flush(wait);
    }

    @Override
    public void close() {
        writer.close(closeWait);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
