package dev.lifeboat.runbook;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;

/**
 * The runbook engine. Feature modules add their runbooks ({@code Multibinder<Runbook>}) and adapters their listeners
 * ({@code Multibinder<RunListener>}); the store binds {@link RunStore}; the core binds the {@code runs} executor.
 */
public final class RunbookModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Runbook.class);
        Multibinder.newSetBinder(binder(), RunListener.class);
        bind(Waiter.class).toInstance(Waiter.REAL);
        bind(RetryBackoff.class).toInstance(RetryBackoff.DEFAULT);
        bind(RunIds.class).toInstance(new RunIds());
        // The core sets this process's name from the configuration; alone, the engine is one unnamed instance.
        OptionalBinder.newOptionalBinder(binder(), Instance.class).setDefault().toInstance(new Instance("lifeboat"));
    }
}
