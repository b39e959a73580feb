package dev.lifeboat.site;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.runbook.Runbook;

/**
 * {@code site restore} and {@code site rebuild}: their commands and runbooks. Needs the runbook engine, a
 * {@code Probe}, the {@code StatusTargets} (for {@code SITE_URL}) and an optional {@code NetlifySite}, which
 * {@code Wiring} binds.
 */
public final class SiteModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<CommandHandler> commands = Multibinder.newSetBinder(binder(), CommandHandler.class);
        commands.addBinding().to(SiteRestoreCommand.class);
        commands.addBinding().to(SiteRebuildCommand.class);
        Multibinder<Runbook> runbooks = Multibinder.newSetBinder(binder(), Runbook.class);
        runbooks.addBinding().to(SiteRestoreRunbook.class);
        runbooks.addBinding().to(SiteRebuildRunbook.class);
        bind(SiteTimings.class).toInstance(SiteTimings.DEFAULT);
    }
}
