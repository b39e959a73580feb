package dev.lifeboat.heroku;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.lifeboat.http.WireEnums;
import java.util.Locale;

/** A build's status as Heroku reports it ({@code pending}, {@code succeeded}, {@code failed}); anything new is UNKNOWN. */
public enum BuildStatus {
    PENDING, SUCCEEDED, FAILED, UNKNOWN;

    @JsonCreator
    public static BuildStatus of(String value) {
        return WireEnums.parse(values(), BuildStatus::wire, value, UNKNOWN);
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
