package dev.lifeboat.netlify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A build Netlify has scheduled. Follow {@link #deployId()} to see it through.
 *
 * @param error why the build failed, when it has
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Build(String id, String deployId, String sha, boolean done, String error, Instant createdAt) {
}
