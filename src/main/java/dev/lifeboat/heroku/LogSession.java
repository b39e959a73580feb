package dev.lifeboat.heroku;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.lifeboat.config.Redact;
import java.time.Instant;

/**
 * A log session from {@code POST /apps/{app}/log-sessions}. Its {@code logplexUrl} works without a token for a
 * short while, so {@link #toString()} shows it without its query.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LogSession(String id, String logplexUrl, Instant createdAt) {
    @Override
    public String toString() {
        return "LogSession[id=" + id + ", logplexUrl=" + Redact.url(logplexUrl) + ", createdAt=" + createdAt + "]";
    }
}
