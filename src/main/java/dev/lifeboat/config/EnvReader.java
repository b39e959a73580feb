package dev.lifeboat.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Typed reads of environment variables that collect every problem instead of stopping at the first. */
final class EnvReader {
    private final Env env;
    private final List<String> problems = new ArrayList<>();

    EnvReader(Env env) {
        this.env = env;
    }

    List<String> problems() {
        return problems;
    }

    void problem(String message) {
        problems.add(message);
    }

    Optional<String> string(String name) {
        return env.get(name);
    }

    String string(String name, String fallback) {
        return env.get(name).orElse(fallback);
    }

    Optional<Secret> secret(String name, String expectedPrefix) {
        Optional<String> value = env.get(name);
        if (value.isPresent() && expectedPrefix != null && !value.get().startsWith(expectedPrefix)) {
            problems.add(name + " should start with '" + expectedPrefix + "' (the value is not shown)");
        }
        return value.map(Secret::new);
    }

    Optional<URI> url(String name) {
        return env.get(name).flatMap(value -> parseUrl(name, value));
    }

    URI url(String name, String fallback) {
        return url(name).orElse(URI.create(fallback));
    }

    private Optional<URI> parseUrl(String name, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add(name + " must be an http(s) URL with a host, got '" + Redact.url(value) + "'");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.add(name + " is not a valid URL: " + e.getReason());
            return Optional.empty();
        }
    }

    int integer(String name, int fallback, int min, int max) {
        Optional<String> value = env.get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                problems.add(name + " must be between " + min + " and " + max + ", got " + parsed);
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number, got '" + value.get() + "'");
            return fallback;
        }
    }

    boolean bool(String name, boolean fallback) {
        Optional<String> value = env.get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> {
                return true;
            }
            case "false", "no", "0", "off" -> {
                return false;
            }
            default -> {
                problems.add(name + " must be true or false, got '" + value.get() + "'");
                return fallback;
            }
        }
    }

    Path path(String name, String fallback) {
        return Path.of(string(name, fallback));
    }

    /** Both or neither of two related variables. */
    void together(String a, Optional<?> aValue, String b, Optional<?> bValue) {
        if (aValue.isPresent() && bValue.isEmpty()) {
            problems.add(b + " is required when " + a + " is set");
        }
        if (bValue.isPresent() && aValue.isEmpty()) {
            problems.add(a + " is required when " + b + " is set");
        }
    }
}
