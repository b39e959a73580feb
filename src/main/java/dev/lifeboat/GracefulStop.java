package dev.lifeboat;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopping without dropping anyone (Heroku sends SIGTERM and allows 30 s), in this order: the front door stops
 * taking requests (those in flight finish); running and queued work gets until {@link StopTimings#work()} to
 * finish, the upstream checks it waits on included; the people whose requests never started are told to try again;
 * then the audit log is flushed and the store closed ({@link Lifecycle}).
 */
@Singleton
public final class GracefulStop {
    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);
    private static final Duration CHECKS_AFTER_WORK = Duration.ofSeconds(2);

    /** How long each part of a stop may take. */
    public record StopTimings(Duration work, Duration notices) {
        /** Heroku allows 30 s: 25 s for the work, then up to 3 s to tell the people still queued. */
        public static final StopTimings HEROKU = new StopTimings(Duration.ofSeconds(25), Duration.ofSeconds(3));
    }

    private final ExecutorService work;
    private final ExecutorService checks;
    private final Lifecycle lifecycle;
    private final StopTimings timings;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    @Inject
    GracefulStop(@Named("work") ExecutorService work, @Named("checks") ExecutorService checks, Lifecycle lifecycle,
                 StopTimings timings) {
        this.work = work;
        this.checks = checks;
        this.lifecycle = lifecycle;
        this.timings = timings;
    }

    /**
     * Stops everything, {@code frontDoor} first. Safe to call more than once and from several threads: later calls
     * wait for the first to finish. Returns true when nothing was cut short.
     */
    public boolean stop(AutoCloseable frontDoor) {
        if (!started.compareAndSet(false, true)) {
            awaitFirst();
            return false;
        }
        long start = System.nanoTime();
        long workDeadline = start + timings.work().toNanos();
        log.info("event=stopping");
        boolean graceful = true;
        try {
            try {
                frontDoor.close();
            } catch (Exception e) {
                graceful = false;
                log.warn("event=front_door_stop_failed error=\"{}: {}\"", e.getClass().getSimpleName(), e.getMessage());
            }
            work.shutdown();
            boolean workDone = awaitUntil(work, workDeadline);
            // Once the work is done nobody waits for a check still running (a hanging upstream past its deadline).
            checks.shutdown();
            if (!awaitUntil(checks, Math.min(workDeadline, System.nanoTime() + CHECKS_AFTER_WORK.toNanos()))) {
                log.info("event=checks_cut_short never_started={}", checks.shutdownNow().size());
            }
            List<Runnable> neverStarted = work.shutdownNow();
            long noticesDeadline = System.nanoTime() + timings.notices().toNanos();
            int told = tell(neverStarted, noticesDeadline);
            // Work cut off just now was interrupted: let it send what it has (an error) while the notices' time lasts.
            awaitUntil(work, noticesDeadline);
            graceful &= workDone && neverStarted.isEmpty();
            if (!workDone) {
                log.warn("event=work_cut_short never_started={} told={}", neverStarted.size(), told);
            }
        } finally {
            lifecycle.close();
            log.info("event=stopped graceful={} ms={}", graceful, (System.nanoTime() - start) / 1_000_000);
            done.countDown();
        }
        return graceful;
    }

    /** Tells each requester whose work never started, until {@code deadline}; returns how many were told. */
    private static int tell(List<Runnable> neverStarted, long deadline) {
        int told = 0;
        for (Runnable task : neverStarted) {
            if (System.nanoTime() > deadline) {
                log.warn("event=not_told count={}", neverStarted.size() - told);
                break;
            }
            if (task instanceof QueuedWork queued) {
                try {
                    queued.abandon();
                    told++;
                } catch (RuntimeException e) {
                    log.warn("event=abandon_failed error=\"{}\"", e.getClass().getSimpleName());
                }
            }
        }
        return told;
    }

    private static boolean awaitUntil(ExecutorService pool, long deadline) {
        try {
            return pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitFirst() {
        try {
            done.await(timings.work().plus(timings.notices()).plusSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
