package dev.lifeboat.monitor;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.leader.LeaderTask;

/**
 * Monitors: the {@link Monitor} runs on the leader every {@code LIFEBOAT_MONITOR_INTERVAL_SECONDS}. The front door
 * binds the {@code reply.Announcer} (Slack: the incident channel; console: the terminal), the incident feature the
 * {@link IncidentOpener}; without it the announcement says that no incident feature is there.
 */
public final class MonitorModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), LeaderTask.class).addBinding().to(Monitor.class);
        OptionalBinder.newOptionalBinder(binder(), IncidentOpener.class).setDefault().to(NoIncidentFeature.class);
    }

    @Provides
    MonitorSettings settings(RuntimeSettings runtime) {
        return MonitorSettings.from(runtime);
    }
}
