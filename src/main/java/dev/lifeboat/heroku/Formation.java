package dev.lifeboat.heroku;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** How many dynos of a process type should run, from {@code GET /apps/{app}/formation}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Formation(
        String id,
        String type,
        int quantity,
        String size,
        String command,
        Instant createdAt,
        Instant updatedAt) {
}
