package dev.lifeboat.pgbackups;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.lifeboat.config.Redact;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A backup, restore or copy, from {@code /client/v11/apps/{app}/transfers}. Timestamps arrive in the data API's
 * own format (see {@link DataApiTime}); {@code logs} is filled only by a verbose read.
 *
 * @param num            the number the CLI shows in names like {@code b012}
 * @param toUrl          where a backup was written; Heroku's own storage, never shown (see {@link #toString()})
 * @param sourceBytes    the size of what is being read, when known
 * @param processedBytes how much has been written so far
 * @param succeeded      meaningful only once {@code finishedAt} is set
 * @param schedule       set when a schedule (not a person) started the backup
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Transfer(
        String uuid,
        long num,
        String fromName,
        String fromType,
        String toName,
        String toType,
        String toUrl,
        Long sourceBytes,
        long processedBytes,
        boolean succeeded,
        int warnings,
        @JsonDeserialize(using = DataApiTime.Deserializer.class) Instant createdAt,
        @JsonDeserialize(using = DataApiTime.Deserializer.class) Instant startedAt,
        @JsonDeserialize(using = DataApiTime.Deserializer.class) Instant finishedAt,
        @JsonDeserialize(using = DataApiTime.Deserializer.class) Instant canceledAt,
        @JsonDeserialize(using = DataApiTime.Deserializer.class) Instant updatedAt,
        ScheduleRef schedule,
        List<TransferLog> logs) {

    public Transfer {
        logs = logs == null ? List.of() : List.copyOf(logs);
    }

    /** Backup, restore or copy. */
    public TransferKind kind() {
        return TransferKind.of(fromType, toType);
    }

    /** The name the CLI shows: {@code b012}, {@code a034} (scheduled), {@code r005}, {@code c003}. */
    public String name() {
        char prefix = kind() == TransferKind.BACKUP && schedule != null ? 'a' : kind().prefix();
        return prefix + String.format("%03d", num);
    }

    public TransferStatus status() {
        if (finishedAt != null && succeeded) {
            return TransferStatus.COMPLETED;
        }
        if (canceledAt != null) {
            return TransferStatus.CANCELED;
        }
        if (finishedAt != null) {
            return TransferStatus.FAILED;
        }
        return startedAt != null ? TransferStatus.RUNNING : TransferStatus.PENDING;
    }

    /**
     * Done, however it ended: {@code finished_at} is set. (A cancel shows as {@link TransferStatus#CANCELED} as
     * soon as {@code canceled_at} is set, but the transfer has stopped only once {@code finished_at} is.)
     */
    public boolean isFinished() {
        return finishedAt != null;
    }

    /** As the CLI prints it: "Completed", "Completed with 2 warnings", "Running (processed 1.40 KB)", … */
    public String statusText() {
        return switch (status()) {
            case COMPLETED -> warnings > 0 ? "Completed with " + warnings + " warning" + (warnings == 1 ? "" : "s")
                    : "Completed";
            case FAILED -> "Failed";
            case CANCELED -> "Canceled";
            case RUNNING -> "Running (processed " + Transfers.humanBytes(processedBytes) + ")";
            case PENDING -> "Pending";
        };
    }

    /**
     * Processed bytes as a percentage of the source size, 0–100, when the source size is known. For a backup the
     * dump is compressed, so this stays below 100 even when it completes: treat it as a rough gauge.
     */
    public OptionalInt percentDone() {
        if (sourceBytes == null || sourceBytes <= 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.min(100, Math.max(0, processedBytes * 100 / sourceBytes)));
    }

    /** The last few log messages, which say why a transfer failed (needs a verbose read). */
    public String lastLogMessages(int count) {
        return logs.stream().skip(Math.max(0, logs.size() - count)).map(TransferLog::message)
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return "Transfer[" + name() + " " + kind() + " " + statusText() + ", uuid=" + uuid + ", from=" + fromName
                + ", to=" + (toName != null ? toName : Redact.url(toUrl)) + ", processedBytes=" + processedBytes
                + ", sourceBytes=" + sourceBytes + ", createdAt=" + createdAt + ", finishedAt=" + finishedAt + "]";
    }

    /** The schedule that started a backup. */
    public record ScheduleRef(String uuid, String name) {
    }
}
