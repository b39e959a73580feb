package dev.lifeboat.heroku;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.lifeboat.http.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A dyno's state as Heroku reports it; anything new arrives as {@link #UNKNOWN} rather than failing the call. */
public enum DynoState {
    UP, STARTING, IDLE, CRASHED, DOWN, UNKNOWN;

    @JsonCreator
    public static DynoState of(String value) {
        return WireEnums.parse(values(), DynoState::wire, value, UNKNOWN);
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the dyno is failing rather than merely restarting or asleep. */
    public boolean isFailing() {
        return this == CRASHED || this == DOWN;
    }
}
