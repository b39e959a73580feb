package dev.lifeboat.demo;

import com.google.inject.AbstractModule;
import dev.lifeboat.heroku.HerokuPlatform;
import jakarta.inject.Singleton;

/**
 * The simulated Heroku in place of {@code HerokuModule}. Needs a {@link java.time.Clock} and
 * {@link dev.lifeboat.config.HerokuSettings} bound elsewhere. {@link DemoHeroku} itself is injectable, for the
 * practice controls, and is the same instance as the {@link HerokuPlatform}.
 */
public final class DemoHerokuModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(DemoHeroku.class).in(Singleton.class);
        bind(HerokuPlatform.class).to(DemoHeroku.class);
    }
}
