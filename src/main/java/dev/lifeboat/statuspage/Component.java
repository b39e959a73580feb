package dev.lifeboat.statuspage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A component of the page ("Web application", "API"…). {@code group} is true for a group of components, which
 * cannot be set to a status itself.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Component(
        String id,
        String pageId,
        String groupId,
        String name,
        String description,
        ComponentStatus status,
        Integer position,
        boolean group,
        Boolean showcase,
        Boolean onlyShowIfDegraded,
        Instant createdAt,
        Instant updatedAt) {

    public Component {
        status = status == null ? ComponentStatus.UNKNOWN : status;
    }

    public Component withStatus(ComponentStatus newStatus, Instant at) {
        return new Component(id, pageId, groupId, name, description, newStatus, position, group, showcase,
                onlyShowIfDegraded, createdAt, at);
    }
}
