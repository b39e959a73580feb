package dev.lifeboat.pgbackups;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.lifeboat.config.Redact;
import java.net.URI;
import java.time.Instant;

/**
 * A short-lived download URL for a backup. The URL is presigned (its query is the credential), so
 * {@link #toString()} never shows the query; pass {@link #uri()} only to the code that downloads.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PublicUrl(String url, @JsonDeserialize(using = DataApiTime.Deserializer.class) Instant expiresAt) {

    public URI uri() {
        return URI.create(url);
    }

    @Override
    public String toString() {
        return "PublicUrl[url=" + Redact.url(url) + ", expiresAt=" + expiresAt + "]";
    }
}
