package dev.lifeboat.app;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.runbook.Runbook;

/**
 * {@code maintenance}, {@code restart}, {@code rollback} and {@code logs}: their commands and runbooks. Needs the
 * runbook engine, Heroku (when configured), the probe and {@link AppTargets}, which {@code Wiring} binds.
 */
public final class AppModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<CommandHandler> commands = Multibinder.newSetBinder(binder(), CommandHandler.class);
        commands.addBinding().to(MaintenanceCommand.class);
        commands.addBinding().to(RestartCommand.class);
        commands.addBinding().to(RollbackCommand.class);
        commands.addBinding().to(LogsCommand.class);
        Multibinder<Runbook> runbooks = Multibinder.newSetBinder(binder(), Runbook.class);
        runbooks.addBinding().to(MaintenanceRunbook.class);
        runbooks.addBinding().to(RestartRunbook.class);
        runbooks.addBinding().to(RollbackRunbook.class);
        bind(AppTimings.class).toInstance(AppTimings.DEFAULT);
    }
}
