package dev.lifeboat.leader;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/**
 * Leadership among instances sharing one state store. Feature modules add their {@link LeaderTask}s; the store binds
 * {@link LeaderLeases}; the core binds the {@code leader} executor and starts the ticks when serving.
 */
public final class LeaderModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), LeaderTask.class);
    }
}
