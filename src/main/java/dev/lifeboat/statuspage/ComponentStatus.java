package dev.lifeboat.statuspage;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.lifeboat.http.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;

/** A component's status on the page. New values read as {@link #UNKNOWN}, which is never sent. */
public enum ComponentStatus {
    OPERATIONAL("operational"),
    DEGRADED_PERFORMANCE("degraded_performance"),
    PARTIAL_OUTAGE("partial_outage"),
    MAJOR_OUTAGE("major_outage"),
    UNDER_MAINTENANCE("under_maintenance"),
    UNKNOWN("unknown");

    private final String json;

    ComponentStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static ComponentStatus fromJson(String value) {
        return WireEnums.parse(values(), ComponentStatus::json, value, UNKNOWN);
    }
}
