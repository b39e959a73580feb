package dev.lifeboat.statuspage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A component status change recorded with an incident update; {@code code} is the component id. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AffectedComponent(String code, String name, ComponentStatus oldStatus, ComponentStatus newStatus) {
}
