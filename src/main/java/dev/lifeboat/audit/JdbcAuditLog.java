package dev.lifeboat.audit;

import dev.lifeboat.config.Redact;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in the state store (H2 or PostgreSQL, same schema). Appends are handed to one writer thread that
 * stores them in order, in batches (one transaction per batch), so answering Slack never waits on the disk. Nothing
 * is dropped: when the queue is full the caller writes its entry itself; a failed batch is retried until it is
 * stored; {@link #recent} and {@link #close} first wait for everything queued to be written.
 */
public final class JdbcAuditLog implements AuditLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final int MAX_TEXT = 1000;
    private static final int QUEUE = 10_000;
    private static final int BATCH = 500;
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(10);
    private static final Duration LINGER = Duration.ofMillis(5);
    private static final String INSERT = "INSERT INTO audit_log"
            + " (at, actor_id, actor_name, surface, channel, command_text, outcome, detail, run_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final BlockingQueue<AuditEntry> queue = new LinkedBlockingQueue<>(QUEUE);
    private final Object progress = new Object();
    private final Thread writer;
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
    private long stored;
    private volatile boolean closing;

    public JdbcAuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = new Thread(this::drain, "lifeboat-audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void append(AuditEntry entry) {
        AuditEntry clean = redact(entry);
        // Count before offering, so a flush that starts after this append returns only once it is stored.
        accepted.incrementAndGet();
        if (!closing && queue.offer(clean)) {
            return;
        }
        accepted.decrementAndGet();
        insert(List.of(clean));
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        flush();
        String sql = "SELECT at, actor_id, actor_name, surface, channel, command_text, outcome, detail, run_id"
                + " FROM audit_log ORDER BY id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AuditEntry(
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("actor_id"),
                            rs.getString("actor_name"),
                            rs.getString("surface"),
                            Optional.ofNullable(rs.getString("channel")),
                            rs.getString("command_text"),
                            rs.getString("outcome"),
                            Optional.ofNullable(rs.getString("detail")),
                            rs.getString("run_id")));
                }
                return out;
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("could not read the audit log: " + ex.getMessage(), ex);
        }
    }

    /** Waits until every entry appended so far is stored. */
    public void flush() {
        long deadline = System.nanoTime() + FLUSH_WAIT.toNanos();
        synchronized (progress) {
            long target = accepted.get();
            while (stored < Math.min(target, accepted.get())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("event=audit_flush_slow pending={}", target - stored);
                    return;
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        flush();
        writer.interrupt();
    }

    private void drain() {
        List<AuditEntry> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                AuditEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                // Linger a few milliseconds for company: one transaction per busy moment, not one per entry.
                long lingerUntil = System.nanoTime() + LINGER.toNanos();
                while (batch.size() < BATCH) {
                    queue.drainTo(batch, BATCH - batch.size());
                    long left = lingerUntil - System.nanoTime();
                    if (left <= 0 || batch.size() >= BATCH) {
                        break;
                    }
                    AuditEntry next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                storeUntilDone(batch);
                synchronized (progress) {
                    stored += batch.size();
                    progress.notifyAll();
                }
                batch.clear();
            } catch (InterruptedException e) {
                if (queue.isEmpty()) {
                    return;
                }
            }
        }
    }

    private void storeUntilDone(List<AuditEntry> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                insert(batch);
                return;
            } catch (IllegalStateException e) {
                log.error("event=audit_write_failed entries={} attempt={} error=\"{}\"", batch.size(), attempt, e.getMessage());
                Thread.sleep(Math.min(5_000, 200L * attempt));
            }
        }
    }

    private void insert(List<AuditEntry> entries) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (AuditEntry e : entries) {
                    ps.setTimestamp(1, Timestamp.from(e.at()));
                    ps.setString(2, e.actorId());
                    ps.setString(3, e.actorName());
                    ps.setString(4, e.surface());
                    setOptional(ps, 5, e.channel());
                    ps.setString(6, e.commandText());
                    ps.setString(7, e.outcome());
                    setOptional(ps, 8, e.detail());
                    ps.setString(9, e.runId());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("could not write the audit log: " + ex.getMessage(), ex);
        }
    }

    private static AuditEntry redact(AuditEntry e) {
        return new AuditEntry(e.at(), limit(e.actorId(), 64), limit(e.actorName(), 128), e.surface(), e.channel(),
                limit(Redact.text(e.commandText()), MAX_TEXT), e.outcome(),
                e.detail().map(Redact::text).map(d -> limit(d, MAX_TEXT)), e.runId());
    }

    private static void setOptional(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    private static String limit(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
