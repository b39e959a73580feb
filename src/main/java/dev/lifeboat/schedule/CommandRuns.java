package dev.lifeboat.schedule;

import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRegistry;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.Surface;
import dev.lifeboat.reply.Block;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.runbook.Decision;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a runbook the way an operator would, as the {@value Scheduler#ACTOR} actor: the command (e.g. {@code drill},
 * {@code backup offsite}) proposes its run exactly as it does for a person, with its own checks (is staging set, is
 * another run busy, is there anything to copy), and the run its card offers is confirmed through {@link RunEngine}.
 * So a scheduled run is the same run a person would start, reported in the incident channel by the engine's
 * listeners, and a command that is not registered in this Lifeboat is simply "not available". A card that asks for a
 * typed word (a production restore) is never confirmed by the schedule.
 */
final class CommandRuns {
    /** How it went. */
    sealed interface Started permits Running, NotStarted, Unavailable {
    }

    /** The run is confirmed and running (or waiting for approval). */
    record Running(Run run) implements Started {
    }

    /** The command answered without starting a run; {@code why} is its answer in one line. */
    record NotStarted(String why, Optional<String> runId) implements Started {
    }

    /** No such command in this Lifeboat. */
    record Unavailable(String command) implements Started {
    }

    private static final Pattern CONFIRM = Pattern.compile("confirm (r-[a-z0-9]+)");
    static final Actor ACTOR = new Actor(Scheduler.ACTOR, "Lifeboat schedule");

    /** A provider: the registry holds {@code schedule}, which needs the scheduler, which needs this. */
    private final Provider<CommandRegistry> registry;
    private final RunEngine engine;

    @Inject
    CommandRuns(Provider<CommandRegistry> registry, RunEngine engine) {
        this.registry = registry;
        this.engine = engine;
    }

    boolean available(String command) {
        return registry.get().find(CommandRegistry.words(command)).filter(m -> m.args().isEmpty()).isPresent();
    }

    Started start(String command) {
        Optional<CommandRegistry.Match> match = registry.get().find(CommandRegistry.words(command))
                .filter(m -> m.args().isEmpty());
        if (match.isEmpty()) {
            return new Unavailable(command);
        }
        Reply card;
        try {
            card = match.get().handler().handle(new Invocation("schedule", ACTOR, Surface.SCHEDULE, Optional.empty(),
                    command, List.of()));
        } catch (RuntimeException e) {
            return new NotStarted(Problems.words(e), Optional.empty());
        }
        Optional<String> runId = confirmable(card);
        if (runId.isEmpty()) {
            return new NotStarted(Problems.line(TextRenderer.render(card), 500), Optional.empty());
        }
        Decision decision = engine.confirm(runId.get(), ACTOR.id());
        if (decision instanceof Decision.Done done) {
            return new Running(done.run());
        }
        String why = ((Decision.Refused) decision).reason();
        engine.find(runId.get()).filter(r -> r.state() == dev.lifeboat.runbook.RunState.PROPOSED)
                .ifPresent(r -> engine.cancel(r.id(), ACTOR.id()));
        return new NotStarted(why, runId);
    }

    /** The run a card offers to confirm with a plain click (no typed word). */
    static Optional<String> confirmable(Reply card) {
        for (Block block : card.blocks()) {
            if (block instanceof Block.Actions actions) {
                for (Button button : actions.buttons()) {
                    Matcher m = CONFIRM.matcher(button.command());
                    if (m.matches() && button.typeToRun().isEmpty()) {
                        return Optional.of(m.group(1));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
