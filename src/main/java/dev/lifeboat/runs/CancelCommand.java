package dev.lifeboat.runs;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Decision;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import jakarta.inject.Inject;

/**
 * {@code cancel RUN}: a run not yet started ends at once (nothing changed); a running one stops at its next safe
 * point. The answer says what has been done so far; the run's closing line says the state it leaves.
 */
final class CancelCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.changes("cancel", "RUN",
            "stop a run at its next safe point (or withdraw one not yet started), and say what state it leaves");

    private final RunEngine engine;

    @Inject
    CancelCommand(RunEngine engine) {
        this.engine = engine;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        Run run = RunArgs.run(invocation, engine, "cancel", 1);
        Decision decision = engine.cancel(run.id(), invocation.actor().id());
        if (decision instanceof Decision.Refused refused) {
            return RunAnswers.refused(refused);
        }
        return RunAnswers.cancelled(((Decision.Done) decision).run());
    }
}
