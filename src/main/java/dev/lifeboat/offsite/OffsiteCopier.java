package dev.lifeboat.offsite;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.pgbackups.BackupDownloads;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.s3.OffsiteStore;
import dev.lifeboat.s3.UploadProgress;
import dev.lifeboat.s3.UploadRequest;
import dev.lifeboat.s3.UploadResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One backup's copy offsite: Heroku's short-lived download URL streamed into S3 under
 * {@code PREFIX APP/NAME.TIME.dump}, its SHA-256 computed on the way, its size compared with the size Heroku
 * reported, and the outcome written to the {@link OffsiteLedger} (and, by the store, to the sidecar
 * {@code KEY.sha256}). A copy that fails leaves no object and no open multipart upload; its failure is recorded,
 * counted, and tried again by the next {@code /dr backup offsite}.
 */
final class OffsiteCopier {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A copy that did not happen, with the failures in a row now recorded for that backup. */
    static final class CopyFailed extends Exception {
        private final String backup;
        private final int inARow;

        CopyFailed(String backup, String reason, int inARow) {
            super(reason);
            this.backup = backup;
            this.inARow = inARow;
        }

        String backup() {
            return backup;
        }

        int inARow() {
            return inARow;
        }

        /** What the run says: the reason, and a plain alarm from the second failure in a row. */
        String announcement() {
            String line = backup + ": " + getMessage();
            return inARow >= 2 ? ":rotating_light: The offsite copy of " + backup + " has failed " + inARow
                    + " times in a row. " + line : line;
        }
    }

    private final BackupDownloads downloads;
    private final OffsiteStore store;
    private final OffsiteLedger ledger;
    private final Clock clock;

    OffsiteCopier(BackupDownloads downloads, OffsiteStore store, OffsiteLedger ledger, Clock clock) {
        this.downloads = downloads;
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
    }

    OffsiteStore store() {
        return store;
    }

    OffsiteLedger ledger() {
        return ledger;
    }

    /** {@code pg-backups/acme-prod/b014.20261202T030512Z.dump}: the backup's name, then when it finished. */
    static String keyFor(String prefix, Transfer backup) {
        Instant at = backup.finishedAt() != null ? backup.finishedAt() : backup.createdAt();
        return prefix + backup.name() + (at == null ? "" : "." + STAMP.format(at)) + ".dump";
    }

    /** The succeeded backups of {@code app}, newest first. */
    static List<Transfer> succeededBackups(List<Transfer> transfers) {
        return transfers.stream().filter(t -> t.kind() == TransferKind.BACKUP
                        && t.status() == TransferStatus.COMPLETED)
                .sorted(Comparator.comparingLong(Transfer::num).reversed()).toList();
    }

    /**
     * Why {@code backup} needs no copy, or empty when it does: copied (or deleted by retention) by Lifeboat
     * according to the ledger, or an object of the right size already there (a copy made before the ledger), or
     * a copy another run started within {@code inProgress}.
     */
    Optional<String> notNeeded(String app, Transfer backup, List<OffsiteCopy> existing, Duration inProgress) {
        Optional<CopyRecord> record = ledger.find(app, backup.name());
        if (record.isPresent()) {
            CopyRecord r = record.get();
            if (r.state() == CopyRecord.State.COPIED) {
                return Optional.of("already offsite");
            }
            if (r.state() == CopyRecord.State.DELETED) {
                return Optional.of("its copy was deleted by retention");
            }
            if (r.state() == CopyRecord.State.COPYING
                    && r.updatedAt().isAfter(clock.instant().minus(inProgress))) {
                return Optional.of("another run is copying it");
            }
        }
        String name = backup.name();
        return existing.stream().filter(c -> c.fileName().equals(name) || c.fileName().startsWith(name + "."))
                .filter(c -> c.size() == backup.processedBytes()).findFirst()
                .map(c -> "already offsite as " + c.fileName());
    }

    /**
     * Copies {@code backup} and returns what was stored.
     *
     * @throws CopyFailed when the copy did not happen (nothing is left behind in S3; the ledger says why)
     */
    UploadResult copy(String app, String prefix, Transfer backup, UploadProgress progress) throws CopyFailed {
        String key = keyFor(prefix, backup);
        String name = backup.name();
        try {
            store.abortUnfinished(key);
            ledger.copying(app, name, key, backup.processedBytes(), clock.instant());
            UploadResult result;
            try (BackupDownloads.Download download = downloads.open(app, backup)) {
                OptionalLong length = download.length();
                UploadRequest request = new UploadRequest(key, download.body(), length, Optional.of(name), progress);
                result = store.upload(request);
            }
            if (result.bytes() != backup.processedBytes()) {
                store.delete(key);
                throw fail(app, name, key, "the copy has " + Transfers.humanBytes(result.bytes()) + " ("
                        + result.bytes() + " bytes) but Heroku reported " + backup.processedBytes()
                        + " bytes; the copy was deleted.");
            }
            ledger.copied(app, name, key, result.bytes(), result.sha256(), clock.instant());
            return result;
        } catch (UpstreamException e) {
            throw fail(app, name, key, Redact.text(e.getMessage()));
        }
    }

    private CopyFailed fail(String app, String backup, String key, String reason) {
        int inARow = ledger.failed(app, backup, key, reason, clock.instant());
        return new CopyFailed(backup, reason, inARow);
    }
}
