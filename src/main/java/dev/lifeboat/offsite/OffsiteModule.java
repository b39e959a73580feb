package dev.lifeboat.offsite;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.runbook.Runbook;

/**
 * {@code backup} and {@code backup offsite}: their commands and runbooks. Needs the runbook engine, an
 * {@link OffsiteTargets} (bound by {@code Wiring}) and an {@link OffsiteLedger} (the state store binds it).
 */
public final class OffsiteModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<CommandHandler> commands = Multibinder.newSetBinder(binder(), CommandHandler.class);
        commands.addBinding().to(BackupCommand.class);
        commands.addBinding().to(BackupOffsiteCommand.class);
        Multibinder<Runbook> runbooks = Multibinder.newSetBinder(binder(), Runbook.class);
        runbooks.addBinding().to(BackupRunbook.class);
        runbooks.addBinding().to(OffsiteRunbook.class);
        OptionalBinder.newOptionalBinder(binder(), OffsiteLedger.class);
        OptionalBinder.newOptionalBinder(binder(), com.google.inject.Key.get(OffsiteTimings.class))
                .setDefault().toInstance(OffsiteTimings.DEFAULT);
    }
}
