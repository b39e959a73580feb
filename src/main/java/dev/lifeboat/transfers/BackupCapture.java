package dev.lifeboat.transfers;

import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.runbook.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A step's backup capture, at most once per step: the moment of asking is recorded before the capture is asked for,
 * the capture's uuid and name right after, and only then is it followed. Run again (a retry, a resume after a
 * crash, another instance taking the run over), the step follows the recorded capture, or adopts the one an earlier
 * attempt started but could not record; it never captures twice. Used by a restore's safety backup and by
 * {@code /dr backup}.
 */
public final class BackupCapture {
    /** Step records: the capture's uuid, its CLI name ({@code b014}) and when it was asked for. */
    public static final String TRANSFER = "transfer";
    public static final String NAME = "name";
    public static final String ASKED_AT = "asked-at";

    private BackupCapture() {
    }

    /**
     * Captures (or finds the recorded capture) and follows it to its end, showing "{@code doing} (b014): 35.00 MB
     * written" as it goes.
     *
     * @param addonId asked only when a capture must really be started
     * @return the finished transfer; one that did not succeed comes with its logs ({@link TransferFollow#why})
     */
    public static Transfer captureAndFollow(PgBackups backups, String app, Supplier<String> addonId, Duration poll,
                                            StepContext context, String doing) throws InterruptedException {
        Optional<String> uuid = context.recorded(TRANSFER);
        if (uuid.isEmpty()) {
            Transfer started = adoptOrCapture(backups, app, addonId, context);
            context.record(TRANSFER, started.uuid());
            context.record(NAME, started.name());
            uuid = Optional.of(started.uuid());
        }
        return TransferFollow.await(backups, app, uuid.get(), poll, context, doing);
    }

    private static Transfer adoptOrCapture(PgBackups backups, String app, Supplier<String> addonId,
                                           StepContext context) {
        Optional<Instant> asked = context.recorded(ASKED_AT).map(Instant::parse);
        if (asked.isPresent()) {
            Optional<Transfer> earlier = TransferFollow.startedSince(backups, app, TransferKind.BACKUP, asked.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String addon = addonId.get();
        context.record(ASKED_AT, context.now().toString());
        return backups.capture(addon);
    }
}
