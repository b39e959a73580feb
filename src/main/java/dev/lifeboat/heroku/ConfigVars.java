package dev.lifeboat.heroku;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.lifeboat.config.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An app's config vars. They hold credentials, so nothing here prints a value: {@link #toString()} lists names
 * only, and a value comes out only as a {@link Secret}.
 */
public final class ConfigVars {
    private final Map<String, String> values;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ConfigVars(Map<String, String> values) {
        Map<String, String> sorted = new TreeMap<>();
        if (values != null) {
            values.forEach((name, value) -> sorted.put(name, value == null ? "" : value));
        }
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    /** The names, sorted. */
    public Set<String> names() {
        return values.keySet();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of one var, wrapped so it cannot be printed by accident. */
    public Optional<Secret> secret(String name) {
        return Optional.ofNullable(values.get(name)).map(Secret::new);
    }

    public int size() {
        return values.size();
    }

    @Override
    public String toString() {
        return "ConfigVars" + names() + " (values hidden)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigVars other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
