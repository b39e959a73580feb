package dev.lifeboat.s3;

import java.time.Duration;
import java.util.List;

/**
 * Where offsite copies of the database backups live: one bucket, keys such as {@code pg-backups/app/a042.dump}.
 * The real implementation talks to S3 (or an S3-compatible server); the demo keeps sizes and checksums in memory.
 *
 * <p>Every failure is an {@link S3StoreException} whose message names what to check (a variable, the bucket, the
 * key). No method ever returns or throws a signed URL except {@link PresignedDownload#revealUrl()}.
 */
public interface OffsiteStore {
    /** Presigned URLs last this long unless asked otherwise. */
    Duration DEFAULT_PRESIGN_VALIDITY = Duration.ofHours(1);

    /** The longest validity S3 accepts for a presigned URL signed with SigV4. */
    Duration MAX_PRESIGN_VALIDITY = Duration.ofDays(7);

    /** The bucket this store writes to, for messages. */
    String bucket();

    /** The copies under {@code prefix}, newest first (by last-modified, then key). Metadata is not fetched. */
    List<OffsiteCopy> list(String prefix);

    /** One copy with its metadata; {@link dev.lifeboat.http.Failure#NOT_FOUND} when there is none. */
    OffsiteCopy head(String key);

    /** Deletes a copy (and its checksum sidecar, if any). Deleting a key that is not there is not an error. */
    void delete(String key);

    /** A GET URL for {@code key} that works without credentials until it expires (at most 7 days). */
    PresignedDownload presignGet(String key, Duration validity);

    default PresignedDownload presignGet(String key) {
        return presignGet(key, DEFAULT_PRESIGN_VALIDITY);
    }

    /**
     * Streams {@code request.body()} to {@code request.key()} with bounded memory, computing its SHA-256 on the way.
     * On any failure nothing is left behind: no object at the key and no open multipart upload.
     *
     * @throws UploadSourceException when reading the body failed or it ended early
     * @throws S3StoreException      when S3 refused or failed
     */
    UploadResult upload(UploadRequest request);

    /**
     * Aborts multipart uploads still open at exactly {@code key} (left by a process that died while copying), so a
     * new attempt starts clean and no parts are billed; returns how many were aborted.
     */
    int abortUnfinished(String key);
}
