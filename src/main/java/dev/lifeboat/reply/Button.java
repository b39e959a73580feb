package dev.lifeboat.reply;

/**
 * A button that runs a Lifeboat command when clicked, as the person who clicked it. A changing command still goes
 * through its own confirmation and the operator check.
 *
 * @param label   the button text
 * @param command the command words to run, e.g. {@code "restart web"}
 * @param style   how it looks
 */
public record Button(String label, String command, Style style) {
    public enum Style { DEFAULT, PRIMARY, DANGER }

    public static Button of(String label, String command) {
        return new Button(label, command, Style.DEFAULT);
    }
}
