package dev.lifeboat.command;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/**
 * The command engine's own parts: the multibinders every feature module adds its commands and change listeners to,
 * and {@code help}. This module names no feature; each feature package's module registers its own commands.
 */
public final class CommandsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), CommandHandler.class).addBinding().to(HelpCommand.class);
        Multibinder.newSetBinder(binder(), ChangeListener.class);
    }
}
