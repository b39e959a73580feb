package dev.lifeboat.restore;

import dev.lifeboat.app.Failures;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.time.Instant;
import java.util.Optional;

/**
 * A backup of the target database before it is replaced, so what it held can be put back. The capture is recorded
 * before it is followed; run again, the step follows the recorded one (or one an earlier attempt started but could
 * not record) and never captures twice. If it fails, the run stops: no restore without a safety backup.
 */
final class SafetyBackup extends NamedStep {
    static final String ID = "safety-backup";
    static final String TRANSFER = "transfer";
    static final String NAME = "name";
    static final String ASKED_AT = "asked-at";

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
            Optional<String> uuid = context.recorded(TRANSFER);
            if (uuid.isEmpty()) {
                Transfer started = adoptOrCapture(backups, context);
                context.record(TRANSFER, started.uuid());
                context.record(NAME, started.name());
                uuid = Optional.of(started.uuid());
            }
            Transfer done = TransferFollow.await(backups, app, uuid.get(), parts.timings.poll(), context, "backing up");
            if (done.status() != TransferStatus.COMPLETED) {
                return StepOutcome.failed("The safety backup " + TransferFollow.why(done));
            }
            return StepOutcome.succeeded(done.name() + ", " + Transfers.humanBytes(done.processedBytes())
                    + TransferFollow.took(done));
        } catch (UpstreamException e) {
            return Failures.of(e, "taking a safety backup of " + app);
        }
    }

    private Transfer adoptOrCapture(PgBackups backups, StepContext context) {
        Optional<Instant> asked = context.recorded(ASKED_AT).map(Instant::parse);
        if (asked.isPresent()) {
            Optional<Transfer> earlier = TransferFollow.startedSince(backups, app, TransferKind.BACKUP, asked.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String addonId = Preflight.addonId(parts, context, app);
        context.record(ASKED_AT, context.now().toString());
        return backups.capture(addonId);
    }
}
