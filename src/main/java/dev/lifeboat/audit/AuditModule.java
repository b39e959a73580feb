package dev.lifeboat.audit;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.runbook.RunListener;

/**
 * {@code history}, the audit log's command, and the listener that records what every run did. The log itself lives
 * in the state store ({@code StoreModule}).
 */
public final class AuditModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), CommandHandler.class).addBinding().to(HistoryCommand.class);
        Multibinder.newSetBinder(binder(), RunListener.class).addBinding().to(AuditRunListener.class);
    }
}
