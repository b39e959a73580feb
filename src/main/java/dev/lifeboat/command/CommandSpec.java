package dev.lifeboat.command;

import java.util.List;

/**
 * How a command is called and what it may do.
 *
 * @param words   the command words, e.g. {@code ["site", "restore"]}
 * @param usage   the argument synopsis after the words, e.g. {@code "[DEPLOY]"} (empty when none)
 * @param purpose one line for {@code help}
 * @param changes whether it changes anything (only operators may run those)
 */
public record CommandSpec(List<String> words, String usage, String purpose, boolean changes) {
    public CommandSpec {
        words = List.copyOf(words);
    }

    public static CommandSpec reads(String name, String usage, String purpose) {
        return new CommandSpec(List.of(name.split(" ")), usage, purpose, false);
    }

    public static CommandSpec changes(String name, String usage, String purpose) {
        return new CommandSpec(List.of(name.split(" ")), usage, purpose, true);
    }

    public String name() {
        return String.join(" ", words);
    }

    /** The full usage line, e.g. {@code /dr history [N]}. */
    public String usageLine() {
        return "/dr " + name() + (usage.isEmpty() ? "" : " " + usage);
    }
}
