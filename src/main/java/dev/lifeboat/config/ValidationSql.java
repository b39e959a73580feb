package dev.lifeboat.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code LIFEBOAT_VALIDATION_SQL}: SELECT statements separated by semicolons (a semicolon inside quotes does not
 * separate), each returning one row whose first column must be true or non-zero.
 */
public final class ValidationSql {
    private ValidationSql() {
    }

    /** The statements, trimmed, empty ones dropped. */
    public static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';') {
                add(out, current);
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        add(out, current);
        return List.copyOf(out);
    }

    /** Why a statement cannot be a check, or empty when it can. */
    static java.util.Optional<String> problem(String statement) {
        String head = statement.stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("select") || head.startsWith("with") || head.startsWith("(")) {
            return java.util.Optional.empty();
        }
        String first = statement.strip().split("\\s+", 2)[0];
        return java.util.Optional.of("LIFEBOAT_VALIDATION_SQL holds only SELECT statements (separated by ;), but one "
                + "starts with '" + (first.length() > 20 ? first.substring(0, 20) + "…" : first) + "'");
    }

    private static void add(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
