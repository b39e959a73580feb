package dev.lifeboat.restore;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;
import dev.lifeboat.access.GroupDirectory;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.CommandsModule;
import dev.lifeboat.command.Surface;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.demo.DemoHeroku;
import dev.lifeboat.demo.DemoPgBackups;
import dev.lifeboat.demo.DemoS3;
import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.platformstatus.PlatformStatusSource;
import dev.lifeboat.probe.Probe;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.runbook.RetryBackoff;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunListener;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.RunbookModule;
import dev.lifeboat.runbook.Waiter;
import dev.lifeboat.runs.RunsModule;
import dev.lifeboat.s3.OffsiteStore;
import dev.lifeboat.testing.CallLog;
import dev.lifeboat.testing.DirectExecutorService;
import dev.lifeboat.testing.InMemoryRunStore;
import dev.lifeboat.testing.ManualClock;
import dev.lifeboat.testing.MemoryAuditLog;
import dev.lifeboat.testing.RecordingHeroku;
import dev.lifeboat.testing.RecordingPgBackups;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The restore feature wired as Lifeboat wires it (its modules, the runs commands, the engine), around the demo's
 * simulated Heroku, backups API and S3 behind recording fakes, a manual clock that every wait moves, and an
 * in-memory run store. Runs execute on the caller's thread: {@code confirm} returns once the run has ended.
 */
final class RestoreWorld {
    static final String PROD = "lifeboat-demo";
    static final String STAGING = "lifeboat-demo-staging";
    static final URI HEALTH = URI.create("https://lifeboat-demo.herokuapp.invalid/up");
    static final RestoreTimings TIMINGS = new RestoreTimings(Duration.ofSeconds(3), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(60),
            Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofHours(24));
    static final Actor ALICE = new Actor("U0ALICE", "alice");
    static final Actor BOB = new Actor("U0BOB", "bob");
    static final Actor MALLORY = new Actor("U0MALLORY", "mallory");

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T09:00:00Z"));
    final CallLog calls = new CallLog();
    final DemoHeroku demoHeroku;
    final DemoPgBackups demoBackups;
    final DemoS3 s3 = new DemoS3(clock);
    final RecordingHeroku heroku;
    final RecordingPgBackups backups;
    final Deque<ProbeResult> probes = new ArrayDeque<>();
    final InMemoryRunStore store = new InMemoryRunStore();
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    final MemoryAuditLog audit = new MemoryAuditLog();
    /** Called at every wait of a run (before the clock moves), e.g. to cancel part-way. */
    volatile Consumer<RestoreWorld> onWait = w -> { };
    final Injector injector;

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        Optional<String> staging = Optional.of(STAGING);
        Optional<String> validationSql = Optional.empty();
        boolean offsite = true;
        int approvals = 1;
        Optional<DatabaseChecks> checks = Optional.empty();

        Builder noStaging() {
            staging = Optional.empty();
            return this;
        }

        Builder noOffsite() {
            offsite = false;
            return this;
        }

        Builder validationSql(String sql) {
            validationSql = Optional.of(sql);
            return this;
        }

        Builder checks(DatabaseChecks value) {
            checks = Optional.of(value);
            return this;
        }

        Builder approvals(int n) {
            approvals = n;
            return this;
        }

        RestoreWorld build() {
            return new RestoreWorld(this);
        }
    }

    private RestoreWorld(Builder b) {
        HerokuSettings settings = new HerokuSettings(Optional.of(new Secret("k")), Optional.of(PROD),
                Optional.of(STAGING), URI.create("https://api.heroku.invalid"), URI.create("https://data.heroku.invalid"),
                URI.create("https://status.heroku.invalid"), Optional.empty(), "/up");
        demoHeroku = new DemoHeroku(clock, settings);
        demoBackups = new DemoPgBackups(clock, settings);
        heroku = new RecordingHeroku(demoHeroku, calls);
        backups = new RecordingPgBackups(demoBackups, calls);
        RuntimeSettings runtime = new RuntimeSettings(3000, Path.of("unused"), Optional.empty(), b.validationSql, 60, 3,
                false, Optional.empty());
        RestoreTargets targets = new RestoreTargets(Optional.of(PROD), b.staging, Optional.of(HEALTH),
                DemoS3.SEED_PREFIX);
        Waiter waiter = d -> {
            onWait.accept(this);
            clock.advance(d);
        };
        RunListener listener = (run, event) -> events.add(event);
        Probe probe = (url, timeout) -> {
            ProbeResult next = probes.poll();
            return next != null ? next : up(url);
        };
        PlatformStatusSource herokuStatus = new PlatformStatusSource() {
            @Override
            public String platform() {
                return "Heroku";
            }

            @Override
            public PlatformStatus current() {
                return new PlatformStatus("Heroku", PlatformStatus.Level.OPERATIONAL, "All green", List.of(), List.of(),
                        "https://status.heroku.com");
            }
        };
        AbstractModule world = new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(clock);
                bind(RunStore.class).toInstance(store);
                bind(Waiter.class).toInstance(waiter);
                bind(RetryBackoff.class).toInstance(new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 3));
                bind(ExecutorService.class).annotatedWith(Names.named("runs")).toInstance(new DirectExecutorService());
                bind(RestoreTimings.class).toInstance(TIMINGS);
                bind(RestoreTargets.class).toInstance(targets);
                bind(dev.lifeboat.runbook.Instance.class).toInstance(new dev.lifeboat.runbook.Instance("test"));
                bind(RuntimeSettings.class).toInstance(runtime);
                bind(AccessSettings.class).toInstance(new AccessSettings(List.of("U0ALICE", "U0BOB"), b.approvals));
                bind(GroupDirectory.class).toInstance(group -> Set.of());
                bind(AuditLog.class).toInstance(audit);
                bind(Probe.class).toInstance(probe);
                Multibinder.newSetBinder(binder(), PlatformStatusSource.class).addBinding().toInstance(herokuStatus);
                Multibinder.newSetBinder(binder(), RunListener.class).addBinding().toInstance(listener);
                OptionalBinder.newOptionalBinder(binder(), HerokuPlatform.class).setBinding().toInstance(heroku);
                OptionalBinder.newOptionalBinder(binder(), PgBackups.class).setBinding().toInstance(backups);
                OptionalBinder<OffsiteStore> offsite = OptionalBinder.newOptionalBinder(binder(), OffsiteStore.class);
                if (b.offsite) {
                    offsite.setBinding().toInstance(s3);
                }
                b.checks.ifPresent(c -> OptionalBinder.newOptionalBinder(binder(), DatabaseChecks.class)
                        .setBinding().toInstance(c));
            }
        };
        injector = Guice.createInjector(Modules.override(new RunbookModule(), new RestoreModule(), new RunsModule(),
                new CommandsModule()).with(world));
    }

    static ProbeResult up(URI url) {
        return new ProbeResult(url, ProbeResult.Outcome.UP, Optional.of(200), Duration.ofMillis(40), 0, url, "");
    }

    static ProbeResult down(URI url) {
        return new ProbeResult(url, ProbeResult.Outcome.HTTP_ERROR, Optional.of(503), Duration.ofMillis(40), 0, url,
                "Heroku router H10 (app crashed)");
    }

    RunEngine engine() {
        return injector.getInstance(RunEngine.class);
    }

    RestoreParts parts() {
        return injector.getInstance(RestoreParts.class);
    }

    /** Runs a command as {@code actor} from Slack, through the real runner; the answer as the console shows it. */
    String run(Actor actor, String text) {
        return TextRenderer.render(reply(actor, text));
    }

    Reply reply(Actor actor, String text) {
        return injector.getInstance(CommandRunner.class).run(text, actor, Surface.SLACK, Optional.of("C0INCIDENT"));
    }

    /** The run a card proposed: the newest one in the store. */
    Run newest() {
        return store.recent(1).get(0);
    }

    Run reload(Run run) {
        return store.find(run.id()).orElseThrow();
    }

    List<String> changes() {
        return new ArrayList<>(calls.all());
    }
}
