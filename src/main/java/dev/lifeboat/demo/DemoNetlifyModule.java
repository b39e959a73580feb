package dev.lifeboat.demo;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.lifeboat.netlify.NetlifySite;

/**
 * Binds {@link NetlifySite} to the simulated {@link DemoNetlify} (also injectable itself, for its practice
 * controls). Needs a {@link java.time.Clock} bound elsewhere.
 */
public final class DemoNetlifyModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(DemoNetlify.class).in(Singleton.class);
        bind(NetlifySite.class).to(DemoNetlify.class);
    }
}
