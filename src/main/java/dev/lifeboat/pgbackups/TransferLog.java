package dev.lifeboat.pgbackups;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.lifeboat.config.Redact;
import java.time.Instant;

/** One line of a transfer's verbose log ({@code ?verbose=true}); the message is redacted on the way in. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TransferLog(
        String level,
        String message,
        @JsonDeserialize(using = DataApiTime.Deserializer.class) Instant createdAt) {

    public TransferLog {
        message = message == null ? "" : Redact.text(message);
    }
}
