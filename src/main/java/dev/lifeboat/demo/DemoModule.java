package dev.lifeboat.demo;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.Provides;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.platformstatus.PlatformStatusSource;
import dev.lifeboat.probe.HttpProbe;
import dev.lifeboat.probe.Probe;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The demo world's switches, its probe and the {@code demo} command. */
public final class DemoModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), CommandHandler.class).addBinding().to(DemoCommand.class);
    }

    @Provides
    @Singleton
    Probe probe(DemoWorld world) {
        return new DemoProbe(world, new HttpProbe());
    }

    /** Heroku's status page, simulated. */
    public static final class HerokuStatus extends AbstractModule {
        @ProvidesIntoSet
        @Singleton
        PlatformStatusSource heroku(DemoWorld world, Clock clock) {
            return new DemoPlatformStatus("Heroku", world, clock);
        }
    }

    /** Netlify's status page, simulated. */
    public static final class NetlifyStatus extends AbstractModule {
        @ProvidesIntoSet
        @Singleton
        PlatformStatusSource netlify(DemoWorld world, Clock clock) {
            return new DemoPlatformStatus("Netlify", world, clock);
        }
    }
}
