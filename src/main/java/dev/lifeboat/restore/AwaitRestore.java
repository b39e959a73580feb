package dev.lifeboat.restore;

import dev.lifeboat.transfers.TransferFollow;
import dev.lifeboat.app.Failures;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.RunCancelledException;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.util.Optional;

/**
 * Waits for the restore the previous step started, showing bytes and percent. A failed restore stops the run with
 * Heroku's last log lines. Cancelled while waiting, it asks Heroku to cancel the restore too (so nothing goes on
 * writing into the database) and records whether Heroku took the cancel.
 */
final class AwaitRestore extends NamedStep {
    static final String HEROKU_CANCEL = "heroku-cancel";

    private final RestoreParts parts;
    private final String app;
    private final String startStepId;

    AwaitRestore(RestoreParts parts, String app, String startStepId, String id, String label) {
        super(id, "Wait for the restore of " + label,
                parts.timings.restoreTimeout());
        this.parts = parts;
        this.app = app;
        this.startStepId = startStepId;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        Optional<String> uuid = context.recordedBy(startStepId, StartRestore.TRANSFER);
        if (uuid.isEmpty()) {
            return StepOutcome.failed("No restore was started (the previous step recorded none).");
        }
        PgBackups backups = parts.backups();
        Transfer done;
        try {
            done = TransferFollow.await(backups, app, uuid.get(), parts.timings.poll(), context, "restoring");
        } catch (RunCancelledException e) {
            context.record(HEROKU_CANCEL, cancelAtHeroku(backups, uuid.get()));
            throw e;
        } catch (UpstreamException e) {
            return Failures.of(e, "following the restore into " + app);
        }
        if (done.status() != TransferStatus.COMPLETED) {
            return StepOutcome.failed("The restore " + TransferFollow.why(done));
        }
        return StepOutcome.succeeded(done.name() + " restored " + Transfers.humanBytes(done.processedBytes())
                + TransferFollow.took(done));
    }

    /** "cancelled", "already finished" or why Heroku refused; the run's closing line tells which. */
    private String cancelAtHeroku(PgBackups backups, String uuid) {
        try {
            if (backups.transfer(app, uuid).isFinished()) {
                return "already finished";
            }
            backups.cancel(app, uuid);
            return "cancelled";
        } catch (UpstreamException e) {
            return "refused: " + dev.lifeboat.config.Redact.text(e.getMessage());
        }
    }
}
