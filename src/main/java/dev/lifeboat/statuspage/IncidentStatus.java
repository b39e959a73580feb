package dev.lifeboat.statuspage;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.lifeboat.http.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An incident's status. Statuses Lifeboat does not set (scheduled maintenance's, {@code postmortem}) read as
 * {@link #UNKNOWN}; {@link #UNKNOWN} is never sent.
 */
public enum IncidentStatus {
    INVESTIGATING("investigating"),
    IDENTIFIED("identified"),
    MONITORING("monitoring"),
    RESOLVED("resolved"),
    UNKNOWN("unknown");

    private final String json;

    IncidentStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static IncidentStatus fromJson(String value) {
        return WireEnums.parse(values(), IncidentStatus::json, value, UNKNOWN);
    }
}
