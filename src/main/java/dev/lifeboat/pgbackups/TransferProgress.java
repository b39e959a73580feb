package dev.lifeboat.pgbackups;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How far a transfer has got, for a progress message.
 *
 * @param name           the CLI name, e.g. {@code b013}
 * @param status         pending, running, or how it ended
 * @param processedBytes bytes written so far
 * @param sourceBytes    the size of what is read, when known
 * @param percent        processed as a share of source, when known (a rough gauge for compressed backups)
 */
public record TransferProgress(
        String name,
        TransferKind kind,
        TransferStatus status,
        long processedBytes,
        OptionalLong sourceBytes,
        OptionalInt percent) {

    public static TransferProgress of(Transfer transfer) {
        return new TransferProgress(transfer.name(), transfer.kind(), transfer.status(), transfer.processedBytes(),
                transfer.sourceBytes() == null ? OptionalLong.empty() : OptionalLong.of(transfer.sourceBytes()),
                transfer.percentDone());
    }
}
