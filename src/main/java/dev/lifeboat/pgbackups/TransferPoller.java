package dev.lifeboat.pgbackups;

import dev.lifeboat.http.Failure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows a backup or restore to its end, as {@code heroku pg:backups:capture}/{@code :restore} do: reads the
 * transfer every few seconds (never faster than {@link #MIN_INTERVAL} in production), reports progress when it
 * changes, and stops once {@code finished_at} is set. A transfer that did not succeed is read once more with its
 * logs, which say why.
 */
public final class TransferPoller {
    /** The CLI's minimum, which keeps a long restore well inside Heroku's rate limit. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(3);
    /** Like the CLI, ride out a run of failed reads (a blip at Heroku) before giving up. */
    static final int MAX_CONSECUTIVE_ERRORS = 10;
    private static final Set<Failure> FATAL = Set.of(Failure.UNAUTHORIZED, Failure.FORBIDDEN, Failure.NOT_FOUND,
            Failure.REJECTED);

    /** Waits between reads; tests pass one that returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final PgBackups backups;
    private final Duration interval;
    private final Sleeper sleeper;

    @Inject
    public TransferPoller(PgBackups backups) {
        this(backups, MIN_INTERVAL, duration -> Thread.sleep(duration.toMillis()));
    }

    /** For tests and the simulator: any interval, and a sleeper that need not sleep. */
    public TransferPoller(PgBackups backups, Duration interval, Sleeper sleeper) {
        this.backups = backups;
        this.interval = interval;
        this.sleeper = sleeper;
    }

    /** How long it waits between reads. */
    public Duration interval() {
        return interval;
    }

    /**
     * Reads the transfer until it finishes, calling {@code progress} whenever its status or processed bytes change.
     *
     * @param app        the app's name or id
     * @param transferId the transfer's uuid or number
     * @return the finished transfer; if it did not succeed, read with its logs
     *     ({@link Transfer#lastLogMessages(int)} says why)
     * @throws PgBackupsException   when reading fails for good (bad token, no such transfer, a long outage)
     * @throws InterruptedException when the thread is interrupted while waiting; the transfer keeps running
     */
    public Transfer await(String app, String transferId, Consumer<TransferProgress> progress)
            throws InterruptedException {
        TransferProgress last = null;
        int errors = 0;
        while (true) {
            Transfer transfer;
            try {
                transfer = backups.transfer(app, transferId);
                errors = 0;
            } catch (PgBackupsException e) {
                if (FATAL.contains(e.failure()) || ++errors >= MAX_CONSECUTIVE_ERRORS) {
                    throw e;
                }
                Duration wait = e.retryAfter().filter(d -> d.compareTo(interval) > 0).orElse(interval);
                sleeper.sleep(wait);
                continue;
            }
            TransferProgress now = TransferProgress.of(transfer);
            if (!now.equals(last)) {
                progress.accept(now);
                last = now;
            }
            if (transfer.isFinished()) {
                return transfer.status() == TransferStatus.COMPLETED
                        ? transfer
                        : backups.transferWithLogs(app, transferId);
            }
            sleeper.sleep(interval);
        }
    }
}
