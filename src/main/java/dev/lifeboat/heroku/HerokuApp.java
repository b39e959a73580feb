package dev.lifeboat.heroku;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** An app, from {@code GET /apps/{app}}. Fields Heroku leaves out are {@code null}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HerokuApp(
        String id,
        String name,
        boolean maintenance,
        String webUrl,
        String gitUrl,
        NamedRef region,
        NamedRef stack,
        NamedRef team,
        Owner owner,
        String buildpackProvidedDescription,
        Long slugSize,
        Instant createdAt,
        Instant updatedAt,
        Instant releasedAt) {

    /** The account that owns the app. */
    public record Owner(String id, String email) {
    }
}
