package dev.lifeboat.status;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.lifeboat.offsite.OffsiteLedger;
import dev.lifeboat.command.ChangeListener;
import dev.lifeboat.command.CommandHandler;

/** {@code status}: the command, the shared round it reads, and its timings; a changing command ends a shared round. */
public final class StatusModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), CommandHandler.class).addBinding().to(StatusCommand.class);
        bind(StatusTimings.class).toInstance(StatusTimings.DEFAULT);
        bind(FactsSource.class).to(StatusRound.class);
        OptionalBinder.newOptionalBinder(binder(), OffsiteLedger.class);
        Multibinder.newSetBinder(binder(), ChangeListener.class).addBinding().to(StatusService.class);
        // Wiring says where Lifeboat runs; alone (tests), nothing is known about it and no line is shown.
        OptionalBinder.newOptionalBinder(binder(), Placement.class).setDefault().toInstance(Placement.UNKNOWN);
    }
}
