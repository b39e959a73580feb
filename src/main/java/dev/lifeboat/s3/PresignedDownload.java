package dev.lifeboat.s3;

import dev.lifeboat.config.Redact;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A presigned GET URL for one copy. The URL carries its signature in the query string, so {@link #toString()} shows
 * it redacted; only {@link #revealUrl()} gives the working URL (to hand to Heroku's restore, never to a log).
 */
public final class PresignedDownload {
    private final String key;
    private final long size;
    private final Instant expiresAt;
    private final URI url;

    public PresignedDownload(String key, long size, Instant expiresAt, URI url) {
        this.key = Objects.requireNonNull(key, "key");
        this.size = size;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.url = Objects.requireNonNull(url, "url");
    }

    public String key() {
        return key;
    }

    /** The object's size when the URL was signed. */
    public long size() {
        return size;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The URL without its query string: safe to show. */
    public String redactedUrl() {
        return Redact.url(url.toString());
    }

    /** The working URL, signature included. Do not log or display it. */
    public URI revealUrl() {
        return url;
    }

    @Override
    public String toString() {
        return "PresignedDownload[key=" + key + ", size=" + size + ", expiresAt=" + expiresAt + ", url="
                + redactedUrl() + "]";
    }
}
