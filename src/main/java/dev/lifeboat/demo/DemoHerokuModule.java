package dev.lifeboat.demo;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.lifeboat.heroku.HerokuBuilds;
import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.restore.DatabaseChecks;
import jakarta.inject.Singleton;

/**
 * The simulated Heroku in place of {@code HerokuModule}. Needs a {@link java.time.Clock} and
 * {@link dev.lifeboat.config.HerokuSettings} bound elsewhere. {@link DemoHeroku} itself is injectable, for the
 * practice controls, and is the same instance as the {@link HerokuPlatform}. The simulated apps' databases answer
 * a restore's validation checks ({@link DemoDatabaseChecks}) instead of a JDBC connection.
 */
public final class DemoHerokuModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(DemoHeroku.class).in(Singleton.class);
        bind(HerokuPlatform.class).to(DemoHeroku.class);
        bind(DemoHerokuBuilds.class).in(Singleton.class);
        bind(HerokuBuilds.class).to(DemoHerokuBuilds.class);
        OptionalBinder.newOptionalBinder(binder(), DatabaseChecks.class).setBinding().to(DemoDatabaseChecks.class);
    }
}
