package dev.lifeboat.restore;

import dev.lifeboat.transfers.BackupCapture;
import dev.lifeboat.transfers.TransferFollow;
import dev.lifeboat.app.Failures;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;

/**
 * A backup of the target database before it is replaced, so what it held can be put back. The capture is recorded
 * before it is followed; run again, the step follows the recorded one (or one an earlier attempt started but could
 * not record) and never captures twice. If it fails, the run stops: no restore without a safety backup.
 */
final class SafetyBackup extends NamedStep {
    static final String ID = "safety-backup";
    static final String TRANSFER = BackupCapture.TRANSFER;
    static final String NAME = BackupCapture.NAME;
    static final String ASKED_AT = BackupCapture.ASKED_AT;

    private final RestoreParts parts;
    private final String app;

    SafetyBackup(RestoreParts parts, String app) {
        super(ID, "Safety backup of " + app + "'s database",
                parts.timings.backupTimeout());
        this.parts = parts;
        this.app = app;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        PgBackups backups = parts.backups();
        try {
            Transfer done = BackupCapture.captureAndFollow(backups, app, () -> Preflight.addonId(parts, context, app),
                    parts.timings.poll(), context, "backing up");
            if (done.status() != TransferStatus.COMPLETED) {
                return StepOutcome.failed("The safety backup " + TransferFollow.why(done));
            }
            return StepOutcome.succeeded(done.name() + ", " + Transfers.humanBytes(done.processedBytes())
                    + TransferFollow.took(done));
        } catch (UpstreamException e) {
            return Failures.of(e, "taking a safety backup of " + app);
        }
    }
}
