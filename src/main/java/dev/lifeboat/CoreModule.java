package dev.lifeboat;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.name.Named;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.config.GitHubSettings;
import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.config.IncidentSettings;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.config.NetlifySettings;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.config.S3Settings;
import dev.lifeboat.config.SlackSettings;
import dev.lifeboat.config.StatuspageSettings;
import dev.lifeboat.http.HttpModule;
import dev.lifeboat.leader.Leadership;
import dev.lifeboat.runbook.Instance;
import dev.lifeboat.runbook.RunEngine;
import jakarta.inject.Singleton;
import dev.lifeboat.status.StatusRound;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Configuration, clock, executors and the shared HTTP client. */
public final class CoreModule extends AbstractModule {
    private final LifeboatConfig config;

    public CoreModule(LifeboatConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(LifeboatConfig.class).toInstance(config);
        bind(SlackSettings.class).toInstance(config.slack());
        bind(AccessSettings.class).toInstance(config.access());
        bind(HerokuSettings.class).toInstance(config.heroku());
        bind(NetlifySettings.class).toInstance(config.netlify());
        bind(S3Settings.class).toInstance(config.s3());
        bind(StatuspageSettings.class).toInstance(config.statuspage());
        bind(GitHubSettings.class).toInstance(config.github());
        bind(RuntimeSettings.class).toInstance(config.runtime());
        OptionalBinder.newOptionalBinder(binder(), Instance.class).setBinding()
                .toInstance(new Instance(config.runtime().instance()));
        bind(IncidentSettings.class).toInstance(config.incidents());
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(GracefulStop.StopTimings.class).toInstance(GracefulStop.StopTimings.HEROKU);
        install(new HttpModule());
    }

    /**
     * Parallel upstream checks (status): one thread per API call of a round, and room in the queue for two more
     * rounds. Rounds are shared and their calls cancelled at the deadline, so this is plenty; when it is full
     * (a burst against a hanging upstream), a round is refused at once and the person told Lifeboat is busy,
     * instead of threads and connections piling up.
     */
    @Provides
    @Singleton
    @Named("checks")
    ExecutorService checks(Lifecycle lifecycle) {
        return checksPool(StatusRound.API_CALLS, (StatusRound.ROUNDS_AT_ONCE - 1) * StatusRound.API_CALLS, lifecycle);
    }

    /** A pool of at most {@code threads} threads with a bounded queue: full, it refuses (RejectedExecutionException). */
    static ThreadPoolExecutor checksPool(int threads, int queue, Lifecycle lifecycle) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), daemon("lifeboat-check"), new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        lifecycle.manage(pool::shutdownNow);
        return pool;
    }

    /**
     * Commands answered after the Slack acknowledgement; a full queue is told to the user, never dropped silently.
     * Serving stops it through {@link GracefulStop}, which lets its work finish; closing the lifecycle cuts it off.
     */
    @Provides
    @Singleton
    @Named("work")
    ExecutorService work(Lifecycle lifecycle) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(500), daemon("lifeboat-work"));
        pool.allowCoreThreadTimeOut(true);
        lifecycle.manage(pool::shutdownNow);
        return pool;
    }

    /**
     * Probes of the app and the site, apart from the API calls: an API that hangs or sleeps in {@code Retry-After}
     * never delays or starves a probe.
     */
    @Provides
    @Singleton
    @Named("probes")
    ExecutorService probes(Lifecycle lifecycle) {
        return cachedPool("lifeboat-probe", lifecycle);
    }

    /**
     * Runbook runs: one thread per running run (they mostly wait on Heroku). A stop interrupts them, and an
     * interrupted run stays RUNNING in the store and resumes at the next start.
     */
    @Provides
    @Singleton
    @Named("runs")
    ExecutorService runs(Lifecycle lifecycle) {
        return cachedPool("lifeboat-run", lifecycle);
    }

    /**
     * Keeps this instance's run leases and takes over the runs of an instance that stopped renewing its own: one
     * daemon thread calling {@link RunEngine#keepLeases()} every {@link RunEngine#LEASE_RENEWAL}, started by
     * {@link #keepRunLeases}.
     */
    @Provides
    @Singleton
    @Named("run-leases")
    ScheduledExecutorService runLeases(Lifecycle lifecycle) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("lifeboat-run-leases"));
        lifecycle.manage(timer::shutdownNow);
        return timer;
    }

    /** The leader's tasks (monitors, schedules): threads mostly wait on the network. */
    @Provides
    @Singleton
    @Named("leader")
    ExecutorService leaderTasks(Lifecycle lifecycle) {
        return cachedPool("lifeboat-leader", lifecycle);
    }

    /**
     * Starts deciding which instance leads (serve only): a tick every {@link Leadership#TICK} on the
     * {@code run-leases} timer; a stop steps down so another instance leads at once.
     */
    static void lead(com.google.inject.Injector injector) {
        Leadership leadership = injector.getInstance(Leadership.class);
        injector.getInstance(Lifecycle.class).manage(leadership::stepDown);
        long every = Leadership.TICK.toMillis();
        injector.getInstance(com.google.inject.Key.get(ScheduledExecutorService.class,
                com.google.inject.name.Names.named("run-leases"))).scheduleWithFixedDelay(() -> {
                    try {
                        leadership.tick();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(CoreModule.class).warn("event=leader_tick_failed error=\"{}\"",
                                e.getClass().getSimpleName());
                    }
                }, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Starts the lease keeper (serve and console, after {@link RunEngine#resumeUnfinished()}). */
    static void keepRunLeases(com.google.inject.Injector injector) {
        RunEngine engine = injector.getInstance(RunEngine.class);
        long every = RunEngine.LEASE_RENEWAL.toMillis();
        injector.getInstance(com.google.inject.Key.get(ScheduledExecutorService.class,
                com.google.inject.name.Names.named("run-leases"))).scheduleWithFixedDelay(() -> {
                    try {
                        engine.keepLeases();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(CoreModule.class).warn("event=run_leases_failed error=\"{}\"",
                                e.getClass().getSimpleName());
                    }
                }, every, every, TimeUnit.MILLISECONDS);
    }

    /** A pool that grows as needed (its threads mostly wait on the network), cut off when the lifecycle closes. */
    private static ExecutorService cachedPool(String prefix, Lifecycle lifecycle) {
        ExecutorService pool = Executors.newCachedThreadPool(daemon(prefix));
        lifecycle.manage(pool::shutdownNow);
        return pool;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
