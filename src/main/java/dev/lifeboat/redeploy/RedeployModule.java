package dev.lifeboat.redeploy;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.runbook.Runbook;

/**
 * {@code redeploy}: its command and runbook. Needs the runbook engine, the optional Heroku, Heroku builds and GitHub
 * bindings ({@code SystemsModule} and the chosen system modules), a probe and {@code RestoreTargets} ({@code Wiring}).
 */
public final class RedeployModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), CommandHandler.class).addBinding().to(RedeployCommand.class);
        Multibinder.newSetBinder(binder(), Runbook.class).addBinding().to(RedeployRunbook.class);
        bind(RedeployTimings.class).toInstance(RedeployTimings.DEFAULT);
    }
}
