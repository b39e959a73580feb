package dev.lifeboat.s3;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored copy.
 *
 * @param key          the object key
 * @param size         the stored size in bytes
 * @param lastModified when the copy was written
 * @param metadata     what Lifeboat recorded with it; present when fetched with {@link OffsiteStore#head}, empty in
 *                     listings
 */
public record OffsiteCopy(String key, long size, Instant lastModified, Optional<CopyMetadata> metadata) {
    public OffsiteCopy {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** The last path segment of the key, e.g. {@code a042.dump}. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
