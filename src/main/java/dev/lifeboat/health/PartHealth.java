package dev.lifeboat.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one part of Lifeboat is doing, as {@code /healthz} shows it: a level, one state word ({@code ok},
 * {@code connected}, {@code unreachable} …) and a few counts. Never a host name, URL or error text: the endpoint is
 * public, so reasons go to the log only.
 *
 * @param level   whether Lifeboat can do its job with the part in this state
 * @param state   a short lower-case word, from a fixed set per part (see docs/setup.md)
 * @param figures counts worth seeing (e.g. audit entries waiting), by name
 */
public record PartHealth(Level level, String state, Map<String, Long> figures) {
    /** How much a part's state matters. */
    public enum Level {
        /** Doing its job. */
        OK,
        /** Lifeboat does its job, but something about this part wants a look. */
        DEGRADED,
        /** Lifeboat cannot do its job: {@code /healthz} answers 503 naming this part. */
        DOWN
    }

    public PartHealth {
        Objects.requireNonNull(level, "level");
        if (!state.matches("[a-z_]{1,32}")) {
            throw new IllegalArgumentException("a state is one short word: " + state);
        }
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public static PartHealth ok(String state) {
        return new PartHealth(Level.OK, state, Map.of());
    }

    public static PartHealth degraded(String state) {
        return new PartHealth(Level.DEGRADED, state, Map.of());
    }

    public static PartHealth down(String state) {
        return new PartHealth(Level.DOWN, state, Map.of());
    }

    /** The same, with one more count. */
    public PartHealth with(String figure, long value) {
        Map<String, Long> more = new LinkedHashMap<>(figures);
        more.put(figure, value);
        return new PartHealth(level, state, more);
    }
}
