package dev.lifeboat.backups;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.command.CommandHandler;

/** {@code backups}: reads the round {@code status} shares, so it needs {@code StatusModule} beside it. */
public final class BackupsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), CommandHandler.class).addBinding().to(BackupsCommand.class);
    }
}
