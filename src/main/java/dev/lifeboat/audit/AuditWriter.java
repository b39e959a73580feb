package dev.lifeboat.audit;

import dev.lifeboat.health.HealthBoard;
import dev.lifeboat.http.Failure;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that stores audit entries, in order, in batches (one transaction per busy moment). A batch that
 * fails is retried with backoff until it is stored, while the {@link HealthBoard} says how many entries wait and
 * why; when the failure may be a value, the entries are written one by one and an entry the database refuses goes
 * to the {@link DeadLetter}, so it never blocks the ones behind it.
 */
final class AuditWriter {
    static final String COMPONENT = "audit";
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long FIRST_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 10_000;
    private static final Duration FULL_QUEUE_WAIT = Duration.ofSeconds(1);

    /** An entry on its way to the store; {@code stored} (only for {@link #enqueueNow}) completes once it is there. */
    private record Pending(AuditEntry entry, CompletableFuture<Void> stored) {
        void done() {
            if (stored != null) {
                stored.complete(null);
            }
        }

        void fail(AuditUnavailableException e) {
            if (stored != null) {
                stored.completeExceptionally(e);
            }
        }
    }

    private final AuditRows rows;
    private final DeadLetter deadLetter;
    private final HealthBoard health;
    private final int capacity;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private final AtomicLong accepted = new AtomicLong();
    private final Object progress = new Object();
    private long handled;
    private final Object wake = new Object();
    private boolean wakeRequested;
    /** Why writes fail right now; null while they succeed. */
    private volatile String problem;
    private volatile boolean closing;
    /** The writer thread's last failure (only it reads and writes this). */
    private SQLException lastFailure;

    AuditWriter(AuditRows rows, DeadLetter deadLetter, HealthBoard health, int capacity) {
        this.rows = rows;
        this.deadLetter = deadLetter;
        this.health = health;
        this.capacity = capacity;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "lifeboat-audit-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Queues an entry and returns. A full queue (a long store outage) is waited on for a moment while the store
     * works; while it fails, the entry is written to the log at ERROR instead, the only place left to keep it.
     */
    void enqueue(AuditEntry entry) {
        Pending pending = new Pending(entry, null);
        // Count before offering, so a flush that starts after this append returns only once it is stored.
        accepted.incrementAndGet();
        if (!closing && (queue.offer(pending) || problem == null && offerWithin(pending, FULL_QUEUE_WAIT))) {
            return;
        }
        accepted.decrementAndGet();
        if (closing) {
            writeAlone(entry);
        } else {
            deadLetter.logOnly(entry, "the audit queue is full (" + capacity + " entries waiting"
                    + Optional.ofNullable(problem).map(p -> ": " + p).orElse("") + ")");
        }
    }

    /** Queues an entry whose writer waits for it; the future fails when it cannot be stored. */
    CompletableFuture<Void> enqueueNow(AuditEntry entry) {
        Pending pending = new Pending(entry, new CompletableFuture<>());
        accepted.incrementAndGet();
        if (closing || !queue.offer(pending)) {
            accepted.decrementAndGet();
            String why = closing ? "Lifeboat is shutting down" : capacity + " earlier entries are still waiting to be written"
                    + Optional.ofNullable(problem).map(p -> " (" + p + ")").orElse("");
            throw new AuditUnavailableException(Failure.UNREACHABLE, why, null);
        }
        if (problem != null) {
            // Someone is waiting: try the store now rather than at the end of the backoff.
            synchronized (wake) {
                wakeRequested = true;
                wake.notifyAll();
            }
        }
        return pending.stored();
    }

    /** Whether writes fail, how many entries wait, how many were set aside since start. */
    AuditLog.Backlog backlog() {
        return new AuditLog.Backlog(problem != null, Math.max(0, accepted.get() - handledSoFar()), deadLetter.count());
    }

    /** Why writes fail right now, if they do. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Waits (at most {@code wait}) until every entry queued so far is stored or set aside; false when time ran out. */
    boolean flush(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (progress) {
            long target = accepted.get();
            while (handled < Math.min(target, accepted.get())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Stores what it can within {@code wait}; whatever is left is written to the log at ERROR, never dropped unseen. */
    void close(Duration wait) {
        closing = true;
        if (!flush(wait)) {
            log.warn("event=audit_close_slow pending={}", accepted.get() - handledSoFar());
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // An append that raced with closing may have landed after the writer's last look at the queue.
        List<Pending> stragglers = new ArrayList<>();
        queue.drainTo(stragglers);
        stragglers.forEach(p -> writeAlone(p.entry()));
    }

    private long handledSoFar() {
        synchronized (progress) {
            return handled;
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                linger(batch);
                writeUntilDone(batch);
                finished(batch.size());
                batch.clear();
            }
        } catch (InterruptedException e) {
            // Only close() interrupts, once it has waited for the store as long as it may.
            queue.drainTo(batch);
            abandon(batch);
        }
    }

    /** Waits a few milliseconds for company: one transaction per busy moment, not one per entry. */
    private void linger(List<Pending> batch) throws InterruptedException {
        long until = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < BATCH) {
            queue.drainTo(batch, BATCH - batch.size());
            long left = until - System.nanoTime();
            if (left <= 0 || batch.size() >= BATCH) {
                return;
            }
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    /**
     * Returns once every entry of {@code batch} (which grows with entries queued meanwhile) is stored or set aside.
     * Interrupted (Lifeboat stops), it hands what is left to the log and empties {@code batch}.
     */
    private void writeUntilDone(List<Pending> batch) throws InterruptedException {
        List<Pending> left = new ArrayList<>(batch);
        for (int attempt = 1; ; attempt++) {
            left = writeOnce(left);
            if (left.isEmpty()) {
                recovered();
                return;
            }
            long delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt - 1, 10));
            failing(left, attempt, delay);
            try {
                synchronized (wake) {
                    if (!wakeRequested) {
                        wake.wait(delay);
                    }
                    wakeRequested = false;
                }
            } catch (InterruptedException e) {
                finished(batch.size() - left.size());
                batch.clear();
                abandon(left);
                throw e;
            }
            // Retry with what arrived meanwhile too, so a waiting "started" entry is tried at once.
            List<Pending> more = new ArrayList<>();
            queue.drainTo(more, Math.max(0, BATCH - left.size()));
            left.addAll(more);
            batch.addAll(more);
        }
    }

    /** One attempt; returns the entries still to be written. */
    private List<Pending> writeOnce(List<Pending> entries) {
        try {
            rows.insertAll(entries.stream().map(Pending::entry).toList());
            entries.forEach(Pending::done);
            return List.of();
        } catch (SQLException e) {
            lastFailure = e;
            return SqlFaults.unreachable(e) ? entries : oneByOne(entries);
        }
    }

    /**
     * The batch failed and the store answered: write the entries one by one. An entry refused for its values, or
     * refused while others were stored, is poison and goes aside; the others stay for the next attempt.
     */
    private List<Pending> oneByOne(List<Pending> entries) {
        Map<Pending, SQLException> refused = new IdentityHashMap<>();
        int tried = 0;
        int stored = 0;
        try (Connection c = rows.connection()) {
            for (Pending p : entries) {
                try {
                    rows.insertOne(c, p.entry());
                    p.done();
                    stored++;
                } catch (SQLException e) {
                    lastFailure = e;
                    if (SqlFaults.unreachable(e)) {
                        break;
                    }
                    refused.put(p, e);
                }
                tried++;
            }
        } catch (SQLException e) {
            lastFailure = e;
        }
        List<Pending> left = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Pending p = entries.get(i);
            SQLException e = refused.get(p);
            if (e != null && (SqlFaults.valueRefused(e) || stored > 0)) {
                String reason = SqlFaults.reason(e);
                deadLetter.putAside(p.entry(), reason);
                p.fail(new AuditUnavailableException(Failure.REJECTED, "the audit log refused the entry: " + reason, e));
            } else if (e != null || i >= tried) {
                left.add(p);
            }
        }
        return left;
    }

    private void failing(List<Pending> left, int attempt, long delay) {
        String reason = SqlFaults.reason(lastFailure);
        problem = reason;
        long unwritten = left.size() + queue.size();
        health.report(COMPONENT, HealthBoard.Severity.DEGRADED, "failing",
                unwritten + (unwritten == 1 ? " entry" : " entries") + " not written: " + reason);
        log.warn("event=audit_write_failed entries={} queued={} attempt={} retry_in_ms={} error=\"{}\"",
                left.size(), queue.size(), attempt, delay, reason);
        // Whoever waits for an entry learns now that the store fails; the entry itself is kept and retried.
        AuditUnavailableException failure = new AuditUnavailableException(Failure.UNREACHABLE,
                "its state store fails: " + reason, lastFailure);
        left.forEach(p -> p.fail(failure));
        queue.forEach(p -> p.fail(failure));
    }

    private void recovered() {
        if (problem != null) {
            problem = null;
            health.clear(COMPONENT);
            log.info("event=audit_write_recovered queued={}", queue.size());
        }
    }

    private void finished(int count) {
        synchronized (progress) {
            handled += count;
            progress.notifyAll();
        }
    }

    /** Lifeboat is stopping and the store does not take these: the log keeps them. */
    private void abandon(List<Pending> entries) {
        String why = "not written before Lifeboat stopped" + Optional.ofNullable(problem).map(p -> " (" + p + ")").orElse("");
        for (Pending p : entries) {
            deadLetter.logOnly(p.entry(), why);
            p.fail(new AuditUnavailableException(Failure.UNREACHABLE, "Lifeboat is shutting down", null));
        }
        finished(entries.size());
    }

    /** After close: written on the caller's thread, or logged. */
    private void writeAlone(AuditEntry entry) {
        try (Connection c = rows.connection()) {
            rows.insertOne(c, entry);
        } catch (SQLException e) {
            deadLetter.logOnly(entry, "written while Lifeboat was stopping, and the store refused it: " + SqlFaults.reason(e));
        }
    }

    private boolean offerWithin(Pending pending, Duration wait) {
        try {
            return queue.offer(pending, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
