package dev.lifeboat.command;

import java.util.List;

/**
 * How a command is called and what it may do.
 *
 * @param words   the command words, e.g. {@code ["site", "restore"]}
 * @param usage   the argument synopsis after the words, e.g. {@code "[DEPLOY]"} (empty when none)
 * @param purpose one line for {@code help}
 * @param effect  what it changes, which decides who may run it
 */
public record CommandSpec(List<String> words, String usage, String purpose, Effect effect) {
    /** What a command changes. */
    public enum Effect {
        /** Changes nothing: anyone may run it. */
        READS,
        /** Changes only the simulated demo world (no real system): anyone may run it, and help says what it changes. */
        CHANGES_DEMO_WORLD,
        /** Changes a real system: only operators may run it. */
        CHANGES
    }

    public CommandSpec {
        words = List.copyOf(words);
    }

    /** {@code changes} true: changes a real system; false: reads only. */
    public CommandSpec(List<String> words, String usage, String purpose, boolean changes) {
        this(words, usage, purpose, changes ? Effect.CHANGES : Effect.READS);
    }

    public static CommandSpec reads(String name, String usage, String purpose) {
        return new CommandSpec(List.of(name.split(" ")), usage, purpose, Effect.READS);
    }

    public static CommandSpec changes(String name, String usage, String purpose) {
        return new CommandSpec(List.of(name.split(" ")), usage, purpose, Effect.CHANGES);
    }

    /** A command that changes only the simulated demo world (see {@link Effect#CHANGES_DEMO_WORLD}). */
    public static CommandSpec changesDemoWorld(String name, String usage, String purpose) {
        return new CommandSpec(List.of(name.split(" ")), usage, purpose, Effect.CHANGES_DEMO_WORLD);
    }

    /** Whether it changes anything at all, real or simulated. */
    public boolean changes() {
        return effect != Effect.READS;
    }

    /** Whether only operators may run it: it changes a real system. */
    public boolean operatorsOnly() {
        return effect == Effect.CHANGES;
    }

    public String name() {
        return String.join(" ", words);
    }

    /** The full usage line, e.g. {@code /dr history [N]}. */
    public String usageLine() {
        return "/dr " + name() + (usage.isEmpty() ? "" : " " + usage);
    }
}
