package dev.lifeboat.reply;

import java.util.Optional;

/**
 * A button that runs a Lifeboat command when clicked, as the person who clicked it. A changing command still goes
 * through its own confirmation and the operator check.
 *
 * @param label       the button text
 * @param command     the command words to run, e.g. {@code "restart web"}
 * @param style       how it looks
 * @param typeToRun   when present, the words the person must type before the command runs (a production restore
 *                    asks for the app's name): Slack opens a modal with a text field, the console asks for a line,
 *                    and the typed text is appended to {@code command} as its last word; the command itself checks it
 * @param editText    when present, a text the person edits before the command runs (an incident announcement):
 *                    Slack opens a modal with the text in a field, the console asks for the new text, and the text
 *                    as submitted is appended to {@code command}
 */
public record Button(String label, String command, Style style, Optional<String> typeToRun, Optional<String> editText) {
    public enum Style { DEFAULT, PRIMARY, DANGER }

    public Button {
        if (typeToRun.isPresent() && editText.isPresent()) {
            throw new IllegalArgumentException("a button asks for a typed word or for an edited text, not both");
        }
    }

    public Button(String label, String command, Style style) {
        this(label, command, style, Optional.empty(), Optional.empty());
    }

    public Button(String label, String command, Style style, Optional<String> typeToRun) {
        this(label, command, style, typeToRun, Optional.empty());
    }

    /** A button that asks for input before it runs: a typed word or an edited text. */
    public boolean asksForText() {
        return typeToRun.isPresent() || editText.isPresent();
    }

    /** A button whose command runs with the text the person edits (starting from {@code current}) as its end. */
    public static Button edit(String label, String command, String current) {
        return new Button(label, command, Style.DEFAULT, Optional.empty(), Optional.of(current));
    }

    public static Button of(String label, String command) {
        return new Button(label, command, Style.DEFAULT);
    }

    /** A button whose command runs only after the person types {@code expected} (shown as the prompt's hint). */
    public static Button typed(String label, String command, Style style, String expected) {
        return new Button(label, command, style, Optional.of(expected));
    }
}
