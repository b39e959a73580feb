package dev.lifeboat.demo;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.lifeboat.statuspage.StatusPage;

/**
 * Binds {@link StatusPage} to the in-memory {@link DemoStatuspage} (also injectable itself, for its practice
 * controls). Needs a {@link java.time.Clock} bound elsewhere.
 */
public final class DemoStatuspageModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(DemoStatuspage.class).in(Singleton.class);
        bind(StatusPage.class).to(DemoStatuspage.class);
    }
}
