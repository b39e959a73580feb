package dev.lifeboat.command;

import java.util.List;
import java.util.Optional;

/**
 * One run of a command.
 *
 * @param runId   a short id shared by the audit entry, logs and any error shown
 * @param actor   who asked
 * @param surface where they asked
 * @param channel the Slack channel, when asked in Slack
 * @param text    the whole command text as typed (redacted before it is stored anywhere)
 * @param args    the words after the command's own words
 */
public record Invocation(String runId, Actor actor, Surface surface, Optional<String> channel, String text, List<String> args) {
    public Invocation {
        args = List.copyOf(args);
    }

    /** The i-th argument, if given. */
    public Optional<String> arg(int index) {
        return index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
    }

    /** The arguments joined back into one string (for free text like an incident summary). */
    public String rest() {
        return String.join(" ", args);
    }
}
