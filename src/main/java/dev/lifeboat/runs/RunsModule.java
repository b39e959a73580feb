package dev.lifeboat.runs;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.command.CommandHandler;

/** {@code confirm}, {@code approve} and {@code cancel}: the commands every runbook's runs answer to. */
public final class RunsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<CommandHandler> commands = Multibinder.newSetBinder(binder(), CommandHandler.class);
        commands.addBinding().to(ConfirmCommand.class);
        commands.addBinding().to(ApproveCommand.class);
        commands.addBinding().to(CancelCommand.class);
    }
}
