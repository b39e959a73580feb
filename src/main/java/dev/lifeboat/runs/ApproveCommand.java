package dev.lifeboat.runs;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Decision;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import jakarta.inject.Inject;

/** {@code approve RUN}: a second operator approves a confirmed run that needs one; never the requester. */
final class ApproveCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.changes("approve", "RUN",
            "approve another operator's run that waits for a second approval (production restores, when configured)");

    private final RunEngine engine;

    @Inject
    ApproveCommand(RunEngine engine) {
        this.engine = engine;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        Run run = RunArgs.run(invocation, engine, "approve", 1);
        Decision decision = engine.approve(run.id(), invocation.actor().id());
        if (decision instanceof Decision.Refused refused) {
            return RunAnswers.refused(refused);
        }
        return RunAnswers.started(((Decision.Done) decision).run(), invocation.actor().id());
    }
}
