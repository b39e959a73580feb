package dev.lifeboat.heroku;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.lifeboat.http.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A release's status; anything new arrives as {@link #UNKNOWN}. */
public enum ReleaseStatus {
    SUCCEEDED, PENDING, FAILED, EXPIRED, UNKNOWN;

    @JsonCreator
    public static ReleaseStatus of(String value) {
        return WireEnums.parse(values(), ReleaseStatus::wire, value, UNKNOWN);
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
