package dev.lifeboat.heroku;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A release's status; anything new arrives as {@link #UNKNOWN}. */
public enum ReleaseStatus {
    SUCCEEDED, PENDING, FAILED, EXPIRED, UNKNOWN;

    @JsonCreator
    public static ReleaseStatus of(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
