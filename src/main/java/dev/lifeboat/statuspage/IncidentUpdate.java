package dev.lifeboat.statuspage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** One posted update of an incident (its text and the component changes it made). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IncidentUpdate(
        String id,
        String incidentId,
        IncidentStatus status,
        String body,
        List<AffectedComponent> affectedComponents,
        Boolean deliverNotifications,
        Instant createdAt,
        Instant updatedAt,
        Instant displayAt) {

    public IncidentUpdate {
        status = status == null ? IncidentStatus.UNKNOWN : status;
        affectedComponents = affectedComponents == null ? List.of() : List.copyOf(affectedComponents);
    }
}
