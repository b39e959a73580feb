package dev.lifeboat.http;

import dev.lifeboat.config.Redact;

/**
 * An id that is not a well-formed id of its kind, refused before any request. The message is written for the
 * person who typed it: {@code `..` is not a dyno name (expected e.g. web.1)}.
 */
public final class InvalidIdException extends IllegalArgumentException {
    private static final int SHOWN = 40;

    private final PathId.Kind kind;

    public InvalidIdException(PathId.Kind kind, String value) {
        super(message(kind, value));
        this.kind = kind;
    }

    public PathId.Kind kind() {
        return kind;
    }

    private static String message(PathId.Kind kind, String value) {
        String subject = value == null || value.isEmpty() ? "An empty value" : "`" + shown(value) + "`";
        return subject + " is not " + kind.noun() + " (expected e.g. " + kind.example() + ").";
    }

    /** The value as typed, but short, on one line, without backticks, and with anything secret-looking hidden. */
    private static String shown(String value) {
        String redacted = Redact.text(value);
        StringBuilder out = new StringBuilder();
        redacted.codePoints().limit(SHOWN).forEach(c -> {
            if (c == '`') {
                out.append('\'');
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return redacted.codePointCount(0, redacted.length()) > SHOWN ? out + "…" : out.toString();
    }
}
