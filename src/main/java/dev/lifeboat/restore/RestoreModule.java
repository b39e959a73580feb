package dev.lifeboat.restore;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.platformstatus.PlatformStatusSource;
import dev.lifeboat.runbook.Runbook;

/**
 * {@code restore} and {@code drill}: their commands and runbooks. Needs the runbook engine ({@code RunbookModule}
 * and a {@code RunStore}) and {@link RestoreTargets}, which {@code Wiring} binds. Validation speaks JDBC unless a
 * simulated world sets another {@link DatabaseChecks}.
 */
public final class RestoreModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<CommandHandler> commands = Multibinder.newSetBinder(binder(), CommandHandler.class);
        commands.addBinding().to(RestoreCommand.class);
        commands.addBinding().to(DrillCommand.class);
        Multibinder<Runbook> runbooks = Multibinder.newSetBinder(binder(), Runbook.class);
        runbooks.addBinding().to(RestoreRunbook.class);
        runbooks.addBinding().to(DrillRunbook.class);
        Multibinder.newSetBinder(binder(), PlatformStatusSource.class);
        bind(RestoreTimings.class).toInstance(RestoreTimings.DEFAULT);
        OptionalBinder.newOptionalBinder(binder(), DatabaseChecks.class).setDefault().to(JdbcDatabaseChecks.class);
    }
}
