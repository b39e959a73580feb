package dev.lifeboat.config;

import java.util.List;

/** Every problem found in the configuration, reported together. Messages name variables, never their secret values. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String render(List<String> problems) {
        StringBuilder out = new StringBuilder("Lifeboat cannot start: ")
                .append(problems.size() == 1 ? "1 configuration problem" : problems.size() + " configuration problems")
                .append('\n');
        for (String problem : problems) {
            out.append("  - ").append(problem).append('\n');
        }
        out.append("See docs/setup.md for every variable.");
        return out.toString();
    }
}
