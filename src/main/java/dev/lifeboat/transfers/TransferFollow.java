package dev.lifeboat.transfers;

import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.pgbackups.TransferPoller;
import dev.lifeboat.pgbackups.TransferProgress;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.runbook.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Following a Heroku Postgres transfer a runbook step started, and finding one whose start was not recorded. Shared by
 * the steps that capture or restore ({@code restore}, {@code offsite}).
 */
public final class TransferFollow {
    /** Heroku's clock and ours may differ this much when matching a transfer to the moment we asked for it. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private TransferFollow() {
    }

    /**
     * Reads the transfer until it ends, through the step's cancel-aware sleep, showing progress as it changes.
     * Returns it finished; one that did not succeed comes with its logs.
     */
    public static Transfer await(PgBackups backups, String app, String uuid, Duration poll, StepContext context, String doing)
            throws InterruptedException {
        TransferPoller poller = new TransferPoller(backups, poll, context::sleep);
        return poller.await(app, uuid, progress -> context.progress(describe(doing, progress)));
    }

    /** "restoring b012: 40.00 MB of 90.00 MB (44%)", "backing up: 35.00 MB written", "restoring: waiting to start". */
    public static String describe(String doing, TransferProgress p) {
        if (p.status() == TransferStatus.PENDING) {
            return doing + ": waiting for Heroku to start " + p.name();
        }
        String bytes = Transfers.humanBytes(p.processedBytes());
        if (p.kind() == TransferKind.RESTORE && p.sourceBytes().isPresent() && p.percent().isPresent()) {
            return doing + " (" + p.name() + "): " + bytes + " of " + Transfers.humanBytes(p.sourceBytes().getAsLong())
                    + " (" + p.percent().getAsInt() + "%)";
        }
        return doing + " (" + p.name() + "): " + bytes + " written";
    }

    /**
     * A transfer of {@code kind} on {@code app} created since {@code askedAt} (less the clock skew): the one an
     * earlier attempt started when its answer was lost before the step could record it.
     */
    public static Optional<Transfer> startedSince(PgBackups backups, String app, TransferKind kind, Instant askedAt) {
        Instant since = askedAt.minus(CLOCK_SKEW);
        return backups.transfers(app).stream()
                .filter(t -> t.kind() == kind && t.createdAt() != null && !t.createdAt().isBefore(since))
                .min(Comparator.comparing(Transfer::createdAt));
    }

    /** Why a transfer did not succeed, from its last log lines. */
    public static String why(Transfer transfer) {
        String logs = transfer.lastLogMessages(3).replace('\n', ' ').replaceAll("\\s+", " ").strip();
        String status = transfer.status() == TransferStatus.CANCELED ? "was cancelled" : "failed";
        return transfer.name() + " " + status + " at Heroku" + (logs.isEmpty() ? " (no log lines)" : ": " + logs);
    }

    /** How long the transfer ran, when Heroku says. */
    public static String took(Transfer transfer) {
        if (transfer.startedAt() == null || transfer.finishedAt() == null) {
            return "";
        }
        return " in " + dev.lifeboat.runbook.Durations.words(Duration.between(transfer.startedAt(), transfer.finishedAt()));
    }
}
