package dev.lifeboat.offsite;

import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.transfers.BackupCapture;
import dev.lifeboat.transfers.TransferFollow;

/**
 * Captures a backup of the app's database and follows it to its end with progress. The capture is recorded before it
 * is followed, so a resumed run follows the same capture and never starts a second one ({@link BackupCapture}).
 */
final class CaptureStep extends NamedStep {
    static final String ID = "capture";

    private final OffsiteParts parts;
    private final String app;

    CaptureStep(OffsiteParts parts, String app) {
        super(ID, "Capture a backup of " + app + "'s database", parts.timings.captureTimeout());
        this.parts = parts;
        this.app = app;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        try {
            Transfer done = BackupCapture.captureAndFollow(parts.backups(), app,
                    () -> parts.heroku().resolveDatabase(app).id(), parts.timings.poll(), context, "backing up");
            if (done.status() != TransferStatus.COMPLETED) {
                return StepOutcome.failed("The backup " + TransferFollow.why(done));
            }
            return StepOutcome.succeeded(done.name() + ", " + Transfers.humanBytes(done.processedBytes())
                    + TransferFollow.took(done));
        } catch (UpstreamException e) {
            return StepFailures.of(e, "capturing a backup of " + app);
        }
    }
}
