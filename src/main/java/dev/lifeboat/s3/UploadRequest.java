package dev.lifeboat.s3;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to upload. The store reads {@code body} to its end but does not close it: the caller owns it.
 *
 * @param key          the object key
 * @param body         the bytes, read once, in order
 * @param length       the body's length when known (e.g. from Content-Length); when given, a body that ends early
 *                     or runs long fails the upload instead of storing a truncated copy
 * @param sourceBackup the Heroku backup name stored with the copy, e.g. {@code a042}
 * @param progress     told the bytes stored so far
 */
public record UploadRequest(String key, InputStream body, OptionalLong length, Optional<String> sourceBackup,
                            UploadProgress progress) {
    public UploadRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(sourceBackup, "sourceBackup");
        Objects.requireNonNull(progress, "progress");
        if (length.isPresent() && length.getAsLong() < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length.getAsLong());
        }
    }

    /** A body of unknown length, no source name, no progress. */
    public static UploadRequest of(String key, InputStream body) {
        return new UploadRequest(key, body, OptionalLong.empty(), Optional.empty(), UploadProgress.NONE);
    }

    public UploadRequest withLength(long bytes) {
        return new UploadRequest(key, body, OptionalLong.of(bytes), sourceBackup, progress);
    }

    public UploadRequest withSourceBackup(String name) {
        return new UploadRequest(key, body, length, Optional.of(name), progress);
    }

    public UploadRequest withProgress(UploadProgress listener) {
        return new UploadRequest(key, body, length, sourceBackup, listener);
    }
}
