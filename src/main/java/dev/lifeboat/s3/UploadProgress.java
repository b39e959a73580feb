package dev.lifeboat.s3;

/**
 * Told how many bytes are stored so far, after each part. Throwing from it cancels the upload (which is then
 * aborted, leaving nothing behind) and the exception reaches the caller of {@link OffsiteStore#upload} unchanged.
 */
@FunctionalInterface
public interface UploadProgress {
    UploadProgress NONE = bytes -> { };

    void stored(long bytesSoFar);
}
