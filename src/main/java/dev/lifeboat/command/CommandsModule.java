package dev.lifeboat.command;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.audit.HistoryCommand;
import dev.lifeboat.backups.BackupsCommand;
import dev.lifeboat.status.FactsSource;
import dev.lifeboat.status.StatusCommand;
import dev.lifeboat.status.StatusRound;
import dev.lifeboat.status.StatusService;
import dev.lifeboat.status.StatusTimings;

/** The commands every world has. Feature modules add theirs to the same multibinder. */
public final class CommandsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<CommandHandler> commands = Multibinder.newSetBinder(binder(), CommandHandler.class);
        commands.addBinding().to(HelpCommand.class);
        commands.addBinding().to(HistoryCommand.class);
        commands.addBinding().to(StatusCommand.class);
        commands.addBinding().to(BackupsCommand.class);
        bind(StatusTimings.class).toInstance(StatusTimings.DEFAULT);
        bind(FactsSource.class).to(StatusRound.class);
        Multibinder.newSetBinder(binder(), ChangeListener.class).addBinding().to(StatusService.class);
    }
}
