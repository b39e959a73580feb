package dev.lifeboat.config;

import java.util.Map;
import java.util.Optional;

/**
 * The process environment, read once. Nothing else in Lifeboat calls {@link System#getenv()}:
 * tests build an {@code Env} from a map instead.
 */
public final class Env {
    private final Map<String, String> vars;

    private Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public static Env of(Map<String, String> vars) {
        return new Env(vars);
    }

    /** The trimmed value, or empty when unset or blank. */
    public Optional<String> get(String name) {
        String value = vars.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }
}
