package dev.lifeboat.http;

import java.util.function.Function;

/** Reads an enum from an API's string value without failing the call on a value the API added later. */
public final class WireEnums {
    private WireEnums() {
    }

    /** The constant whose wire name equals {@code value} (trimmed, ignoring case), or {@code unknown}. */
    public static <E extends Enum<E>> E parse(E[] values, Function<E, String> wireName, String value, E unknown) {
        if (value == null) {
            return unknown;
        }
        String wanted = value.trim();
        for (E candidate : values) {
            if (wireName.apply(candidate).equalsIgnoreCase(wanted)) {
                return candidate;
            }
        }
        return unknown;
    }
}
