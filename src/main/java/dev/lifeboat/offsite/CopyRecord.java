package dev.lifeboat.offsite;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Lifeboat's state store says about one backup's offsite copy: one row per app and backup.
 *
 * @param app           the Heroku app whose database the backup is of
 * @param backup        the backup's CLI name, e.g. {@code b014}
 * @param key           the S3 key of the copy (or of the attempt)
 * @param state         where the copy stands
 * @param herokuBytes   the backup's size as Heroku reported it, when known
 * @param bytes         the bytes stored in S3 (for {@link State#COPIED})
 * @param sha256        lower-case hex SHA-256 computed while streaming (for {@link State#COPIED})
 * @param failures      failed attempts in a row since the last success (0 once copied)
 * @param reason        why the last attempt failed, for a person (never a URL or a secret)
 * @param updatedAt     when this row last changed
 * @param copiedAt      when the copy was completed
 */
public record CopyRecord(String app, String backup, String key, State state, OptionalLong herokuBytes,
                         OptionalLong bytes, Optional<String> sha256, int failures, Optional<String> reason,
                         Instant updatedAt, Optional<Instant> copiedAt) {
    public enum State {
        /** An attempt started and has not ended (or its process died: the next run tries again). */
        COPYING,
        /** Stored, its size compared with Heroku's and its SHA-256 recorded. */
        COPIED,
        /** The last attempt failed; the next {@code /dr backup offsite} tries again. */
        FAILED,
        /** Removed by retention; never copied again. */
        DELETED
    }

    public CopyRecord {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(herokuBytes, "herokuBytes");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(copiedAt, "copiedAt");
    }

    /** Copied, and the stored size is the size Heroku reported. */
    public boolean verified() {
        return state == State.COPIED && sha256.isPresent() && bytes.isPresent()
                && (herokuBytes.isEmpty() || herokuBytes.getAsLong() == bytes.getAsLong());
    }

    /** The file name the key ends with, e.g. {@code b014.20261202T030512Z.dump}. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
