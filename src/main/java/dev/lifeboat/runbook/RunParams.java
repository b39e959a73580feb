package dev.lifeboat.runbook;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a run was asked to do, as plain strings (e.g. {@code backup=b012}, {@code target=production}): persisted with
 * the run, so a run resumed after a restart rebuilds the same steps. Never holds a secret.
 */
public record RunParams(Map<String, String> values) {
    public RunParams {
        values = Map.copyOf(new TreeMap<>(values));
    }

    public static RunParams of(Map<String, String> values) {
        return new RunParams(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException("run parameter '" + key + "' is missing"));
    }
}
