package dev.lifeboat.status;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandRegistry;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;

/**
 * {@code status}: app, database and backups, website and both platforms at a glance, with a verdict, the likely
 * side of any trouble and buttons for the next step. Answered privately, with a button to share it.
 */
public final class StatusCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.reads("status", "",
            "one-glance health of the app, database and backups, website and the Heroku and Netlify platforms");

    private final StatusService service;
    private final Provider<CommandRegistry> registry;
    private final Placement placement;

    @Inject
    public StatusCommand(StatusService service, Provider<CommandRegistry> registry, Placement placement) {
        this.service = service;
        this.registry = registry;
        this.placement = placement;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        if (!invocation.args().isEmpty()) {
            throw new UsageException("`status` takes no arguments.");
        }
        StatusFacts facts = service.facts();
        StatusReport report = StatusAnalysis.analyse(facts,
                name -> registry.get().find(List.of(name.split(" "))).map(m -> m.args().isEmpty()).orElse(false));
        return StatusRenderer.render(report, HostLine.of(placement, facts.herokuApp(), facts.herokuStatus()));
    }
}
