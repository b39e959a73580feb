package dev.lifeboat.incident;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.leader.LeaderTask;
import dev.lifeboat.runbook.RunListener;

/**
 * {@code incident} and its subcommands; the leader's reminder and delivery task; the link from runs to the open
 * incident. Needs an {@link IncidentStore} (the store), an {@link IncidentChannel} (Slack or the console) and
 * optionally a status page.
 */
public final class IncidentModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<CommandHandler> commands = Multibinder.newSetBinder(binder(), CommandHandler.class);
        for (CommandHandler command : IncidentCommands.all(getProvider(Incidents.class))) {
            commands.addBinding().toInstance(command);
        }
        Multibinder.newSetBinder(binder(), LeaderTask.class).addBinding().to(IncidentTasks.class);
        Multibinder.newSetBinder(binder(), RunListener.class).addBinding().to(IncidentRunLink.class);
    }
}
