package dev.lifeboat.schedule;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.config.ScheduleSettings;
import dev.lifeboat.leader.LeaderTask;
import dev.lifeboat.runbook.RunListener;

/**
 * Scheduled jobs: the daily offsite copy and freshness check, the weekly digest and the monthly drill, run by the
 * {@link Scheduler} (a {@link LeaderTask}: the leader instance only), and {@code schedule} to list them. Needs a
 * {@link ScheduleStore} (the state store) and an {@code Announcer} (the adapter: Slack or the console).
 */
public final class ScheduleModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), CommandHandler.class).addBinding().to(ScheduleCommand.class);
        Multibinder.newSetBinder(binder(), LeaderTask.class).addBinding().to(Scheduler.class);
        Multibinder<ScheduledJob> jobs = Multibinder.newSetBinder(binder(), ScheduledJob.class);
        jobs.addBinding().to(DailyJob.class);
        jobs.addBinding().to(WeeklyDigestJob.class);
        jobs.addBinding().to(MonthlyDrillJob.class);
        Multibinder.newSetBinder(binder(), RunListener.class).addBinding().to(ScheduledRunWatch.class);
    }

    @Provides
    ScheduleSettings settings(LifeboatConfig config) {
        return config.schedule();
    }
}
