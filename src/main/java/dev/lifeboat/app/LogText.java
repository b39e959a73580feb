package dev.lifeboat.app;

import dev.lifeboat.config.Redact;
import dev.lifeboat.config.Secret;
import dev.lifeboat.heroku.ConfigVars;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Log lines made fit to show: the values of the app's config vars replaced by their names ({@code [DATABASE_URL]}),
 * then {@link Redact} (tokens and keys by shape, bearer values, passwords in URLs, signed query strings); and text
 * made safe inside a Slack code block. Pure.
 */
final class LogText {
    /**
     * Values shorter than this are not hidden: "3" or "true" would blank half of every line, and nothing that short is
     * a credential.
     */
    static final int SHORTEST_HIDDEN = 6;
    /** A longer line is cut: a code block is for reading, and one line must not crowd out the rest. */
    static final int LONGEST_LINE = 600;

    private LogText() {
    }

    /** Hides every config var value (the longest first, so a value inside another is not half-hidden), then secrets. */
    static UnaryOperator<String> redactor(ConfigVars vars) {
        record Hidden(String value, String name) {
        }
        List<Hidden> hidden = new ArrayList<>();
        for (String name : vars.names()) {
            String value = vars.secret(name).map(Secret::reveal).orElse("");
            if (value.length() >= SHORTEST_HIDDEN) {
                hidden.add(new Hidden(value, name));
            }
        }
        hidden.sort(Comparator.comparingInt((Hidden h) -> h.value().length()).reversed());
        return line -> {
            String out = line;
            for (Hidden h : hidden) {
                if (out.contains(h.value())) {
                    out = out.replace(h.value(), "[" + h.name() + "]");
                }
            }
            out = Redact.text(out);
            return out.length() > LONGEST_LINE ? out.substring(0, LONGEST_LINE) + " …(cut)" : out;
        };
    }

    /** Text that cannot end a Slack code block early or be read as a link or a mention. */
    static String codeBlockSafe(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("```", "`\u200b``");
    }
}
