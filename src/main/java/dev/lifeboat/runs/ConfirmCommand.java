package dev.lifeboat.runs;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Decision;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunState;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * {@code confirm RUN [TYPED]}: the person who asked for a run starts it (a card's button runs this). When the run's
 * parameters hold {@value #TYPED}{@code =WORD} (a production restore: the app's name), the typed word must equal it.
 * Of two confirmations of one run, the engine starts exactly one.
 */
public final class ConfirmCommand implements CommandHandler {
    /** The run parameter holding the word the requester must type to confirm. */
    public static final String TYPED = "typed";
    private static final CommandSpec SPEC = CommandSpec.changes("confirm", "RUN [TYPED]",
            "start a run you asked for, from its card (a production restore asks you to type the app's name)");

    private final RunEngine engine;

    @Inject
    ConfirmCommand(RunEngine engine) {
        this.engine = engine;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        Run run = RunArgs.run(invocation, engine, "confirm", 2);
        String actor = invocation.actor().id();
        if (run.state() == RunState.PROPOSED) {
            if (!run.requestedBy().equals(actor)) {
                return Reply.text(":no_entry: Only " + mention(run.requestedBy()) + ", who asked for run `" + run.id()
                        + "`, can confirm it. Nothing was changed.");
            }
            Optional<String> expected = run.params().get(TYPED);
            Optional<String> typed = invocation.arg(1);
            if (expected.isPresent() && typed.isEmpty()) {
                return Reply.text(":no_entry: Not confirmed: " + run.title() + " replaces live data, so type `"
                        + expected.get() + "` to confirm: `/dr confirm " + run.id() + " " + expected.get()
                        + "`. Nothing was changed.");
            }
            if (expected.isPresent() && !expected.get().equals(typed.get())) {
                return Reply.text(":no_entry: Not confirmed: you typed `" + typed.get().replace('`', '\'')
                        + "`, but confirming " + run.title() + " needs exactly `" + expected.get()
                        + "`. Nothing was changed.");
            }
        }
        Decision decision = engine.confirm(run.id(), actor);
        if (decision instanceof Decision.Refused refused) {
            return RunAnswers.refused(refused);
        }
        return RunAnswers.started(((Decision.Done) decision).run(), "");
    }

    static String mention(String actorId) {
        return actorId.startsWith("console:") ? actorId.substring("console:".length()) + " (console)" : "<@" + actorId + ">";
    }
}
