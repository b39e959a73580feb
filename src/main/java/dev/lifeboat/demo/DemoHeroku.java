package dev.lifeboat.demo;

import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.heroku.ConfigVars;
import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.heroku.Formation;
import dev.lifeboat.heroku.HerokuApp;
import dev.lifeboat.heroku.HerokuException;
import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.heroku.LogRequest;
import dev.lifeboat.heroku.LogSession;
import dev.lifeboat.heroku.NamedRef;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.heroku.ReleaseStatus;
import dev.lifeboat.heroku.Releases;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.PathId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A simulated Heroku for demos and practice: the configured apps (or {@value DemoIds#DEFAULT_APP}) with web and
 * worker dynos, eight releases, config vars, logs and a Postgres add-on, moving with the injected {@link Clock}.
 * Restarts leave dynos {@code starting} for {@link #RESTART_TIME}; a rollback creates a new release and restarts
 * everything. To practise outages: {@link #crashDynos(String)} (a restart does not help, a rollback or
 * {@link #healDynos()} does) and {@link #simulateApiOutage(Failure)}. Thread-safe.
 */
public final class DemoHeroku implements HerokuPlatform {
    /** How long a restarted dyno stays {@code starting}. */
    public static final Duration RESTART_TIME = Duration.ofSeconds(8);
    private static final String OPERATOR = "lifeboat@lifeboat.demo";
    private static final int LOG_BUFFER = 500;

    private final Clock clock;
    private final Map<String, SimApp> apps = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private Failure outage;
    private long sessionCount;

    @Inject
    public DemoHeroku(Clock clock, HerokuSettings settings) {
        this(clock, DemoIds.appNames(settings));
    }

    /** Simulates {@value DemoIds#DEFAULT_APP} only. */
    public DemoHeroku(Clock clock) {
        this(clock, List.of(DemoIds.DEFAULT_APP));
    }

    private DemoHeroku(Clock clock, List<String> names) {
        this.clock = clock;
        for (String name : names) {
            apps.put(name, new SimApp(name, clock.instant()));
        }
    }

    // ---- practice controls ----

    /**
     * Makes every dyno of a process type (e.g. {@code web}) of the production app (the first simulated one) crash
     * and stay crashed, through restarts, until a rollback or {@link #healDynos()}.
     */
    public synchronized void crashDynos(String type) {
        SimApp app = primary();
        Instant now = clock.instant();
        app.crashed.add(type);
        for (SimDyno dyno : app.dynos) {
            if (dyno.type.equals(type)) {
                dyno.updatedAt = now;
                app.log(now, "heroku[" + dyno.name + "]: State changed from up to crashed");
                app.log(now, "heroku[" + dyno.name + "]: Process exited with status 1");
                app.log(now, "heroku[router]: at=error code=H10 desc=\"App crashed\" method=GET path=\"/\" dyno="
                        + dyno.name + " status=503");
            }
        }
    }

    /** Ends every simulated crash; the dynos come back through {@code starting}. */
    public synchronized void healDynos() {
        for (SimApp app : apps.values()) {
            app.crashed.clear();
            app.restart(null, clock.instant(), "heal");
        }
    }

    /** Makes every call fail as Heroku would during an outage of this kind, until {@link #endApiOutage()}. */
    public synchronized void simulateApiOutage(Failure failure) {
        this.outage = failure;
    }

    public synchronized void endApiOutage() {
        this.outage = null;
    }

    // ---- HerokuPlatform ----

    @Override
    public synchronized HerokuApp app(String app) {
        return find(app).toApp();
    }

    @Override
    public synchronized HerokuApp setMaintenance(String app, boolean on) {
        SimApp sim = find(app);
        Instant now = clock.instant();
        sim.maintenance = on;
        sim.updatedAt = now;
        sim.log(now, "app[api]: " + (on ? "Enable" : "Disable") + " maintenance mode by user " + OPERATOR);
        return sim.toApp();
    }

    @Override
    public synchronized List<Dyno> dynos(String app) {
        SimApp sim = find(app);
        Instant now = clock.instant();
        return sim.dynos.stream().map(dyno -> sim.toDyno(dyno, now)).toList();
    }

    @Override
    public synchronized void restartAllDynos(String app) {
        find(app).restart(null, clock.instant(), "restart");
    }

    @Override
    public synchronized void restartDyno(String app, String dyno) {
        PathId.require(PathId.Kind.DYNO, dyno);
        SimApp sim = find(app);
        SimDyno target = sim.dynos.stream().filter(d -> d.name.equals(dyno)).findFirst()
                .orElseThrow(() -> notFound("dyno '" + dyno + "' on app '" + sim.name + "'"));
        sim.restartOne(target, clock.instant(), "restart");
    }

    @Override
    public synchronized void restartProcessType(String app, String type) {
        PathId.require(PathId.Kind.PROCESS_TYPE, type);
        SimApp sim = find(app);
        if (sim.dynos.stream().noneMatch(d -> d.type.equals(type))) {
            throw notFound("process type '" + type + "' on app '" + sim.name + "'");
        }
        sim.restart(type, clock.instant(), "restart");
    }

    @Override
    public synchronized List<Formation> formation(String app) {
        SimApp sim = find(app);
        Map<String, List<SimDyno>> byType = new TreeMap<>();
        sim.dynos.forEach(d -> byType.computeIfAbsent(d.type, t -> new ArrayList<>()).add(d));
        return byType.entrySet().stream().map(e -> {
            SimDyno first = e.getValue().get(0);
            return new Formation(DemoIds.uuid("formation:" + sim.name + ":" + e.getKey()), e.getKey(),
                    e.getValue().size(), first.size, first.command, sim.createdAt, sim.createdAt);
        }).toList();
    }

    @Override
    public synchronized List<Release> releases(String app, int limit) {
        SimApp sim = find(app);
        return sim.releases.stream().sorted(Comparator.comparingInt(Release::version).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized Release currentRelease(String app) {
        return Releases.current(releases(app, Releases.CLI_PAGE)).orElseThrow();
    }

    @Override
    public synchronized Optional<Release> defaultRollbackTarget(String app) {
        return Releases.defaultRollbackTarget(releases(app, Releases.CLI_PAGE));
    }

    @Override
    public synchronized Release rollback(String app, String releaseId) {
        PathId.require(PathId.Kind.RELEASE_ID, releaseId);
        SimApp sim = find(app);
        Release target = sim.releases.stream().filter(r -> r.id().equals(releaseId)).findFirst()
                .orElseThrow(() -> notFound("app '" + sim.name + "', or no release to roll back to with that id"));
        if (!target.eligibleForRollback()) {
            throw new HerokuException(Failure.REJECTED, 422, null, "Heroku refused POST /apps/" + sim.name
                    + "/releases (422): Cannot roll back to " + target.label() + ": it is not eligible for rollback.");
        }
        Instant now = clock.instant();
        Release created = sim.addRelease("Rollback to " + target.label(), OPERATOR, now);
        sim.crashed.clear();
        sim.restart(null, now, "rollback");
        return created;
    }

    @Override
    public synchronized ConfigVars configVars(String app) {
        return new ConfigVars(find(app).configVars);
    }

    @Override
    public synchronized LogSession createLogSession(String app, LogRequest request) {
        SimApp sim = find(app);
        Instant now = clock.instant();
        String id = DemoIds.uuid("log-session:" + (++sessionCount));
        sessions.put(id, new Session(sim.name, request));
        String url = "https://logplex.lifeboat-demo.invalid/sessions/" + id + "?srv=" + now.getEpochSecond()
                + "&sig=demo-signature";
        return new LogSession(id, url, now);
    }

    @Override
    public synchronized LogLines readLogs(LogSession session, int maxLines, Duration timeLimit) {
        failIfOutage();
        Session s = sessions.get(session.id());
        if (s == null) {
            throw notFound("log session (log sessions expire within minutes; start a new one)");
        }
        SimApp sim = apps.get(s.app);
        List<String> matching = sim.logs.stream()
                .filter(line -> s.request.dyno().map(d -> line.contains("[" + d + "]") || line.contains("[" + d + "."))
                        .orElse(true))
                .toList();
        List<String> recent = matching.subList(Math.max(0, matching.size() - s.request.lines()), matching.size());
        boolean cut = recent.size() > maxLines;
        return new LogLines(cut ? recent.subList(0, maxLines) : recent,
                cut ? LogLines.End.LINE_LIMIT : LogLines.End.COMPLETE);
    }

    @Override
    public synchronized Optional<PostgresAddon> postgresAddon(String app) {
        return Optional.of(find(app).addon());
    }

    @Override
    public synchronized PostgresAddon resolveDatabase(String app) {
        return find(app).addon();
    }

    // ---- internals ----

    private SimApp primary() {
        return apps.values().iterator().next();
    }

    /** The app by name or id; a malformed one is refused as the real client refuses it, before "calling" Heroku. */
    private SimApp find(String app) {
        PathId.require(PathId.Kind.APP, app);
        failIfOutage();
        for (SimApp sim : apps.values()) {
            if (sim.name.equals(app) || sim.id.equals(app)) {
                return sim;
            }
        }
        throw notFound("app '" + app + "' (check HEROKU_APP / HEROKU_STAGING_APP; the demo simulates "
                + String.join(", ", apps.keySet()) + ")");
    }

    private void failIfOutage() {
        if (outage == null) {
            return;
        }
        int status = switch (outage) {
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case REJECTED -> 422;
            case RATE_LIMITED -> 429;
            case SERVER_ERROR -> 503;
            default -> 0;
        };
        throw new HerokuException(outage, status, outage == Failure.RATE_LIMITED ? Duration.ofSeconds(60) : null,
                "Heroku's API is failing (" + outage + ", simulated outage in the demo). Check "
                        + "https://status.heroku.com and try again.");
    }

    private static HerokuException notFound(String what) {
        return new HerokuException(Failure.NOT_FOUND, 404, null, "Heroku found no " + what + " (404).");
    }

    private record Session(String app, LogRequest request) {
    }

    private static final class SimDyno {
        final String name;
        final String type;
        final String size;
        final String command;
        Instant startingUntil = Instant.MIN;
        Instant updatedAt;
        Instant createdAt;

        SimDyno(String name, String size, String command, Instant createdAt) {
            this.name = name;
            this.type = name.substring(0, name.indexOf('.'));
            this.size = size;
            this.command = command;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    private static final class SimApp {
        final String name;
        final String id;
        final Instant createdAt;
        Instant updatedAt;
        boolean maintenance;
        final List<Release> releases = new ArrayList<>();
        final List<SimDyno> dynos = new ArrayList<>();
        final Set<String> crashed = new HashSet<>();
        final Map<String, String> configVars = new TreeMap<>();
        final Deque<String> logs = new ArrayDeque<>();

        SimApp(String name, Instant now) {
            this.name = name;
            this.id = DemoIds.appId(name);
            this.createdAt = now.minus(Duration.ofDays(400));
            this.updatedAt = now.minus(Duration.ofHours(3));
            String[][] history = {
                    {"Initial release", "alice@lifeboat.demo", "P400D"},
                    {"Add heroku-postgresql:standard-0 plan", "alice@lifeboat.demo", "P399D"},
                    {"Deploy 1f3c2a9", "bob@lifeboat.demo", "P40D"},
                    {"Set SENTRY_DSN config vars", "alice@lifeboat.demo", "P30D"},
                    {"Deploy 7d0e4b1", "bob@lifeboat.demo", "P12D"},
                    {"Deploy 9a2f6c3", "carol@lifeboat.demo", "P5D"},
                    {"Update WEB_CONCURRENCY config vars", "alice@lifeboat.demo", "P2D"},
                    {"Deploy e57f0b3", "bob@lifeboat.demo", "PT3H"},
            };
            for (String[] release : history) {
                addRelease(release[0], release[1], now.minus(Duration.parse(release[2])));
            }
            Instant started = now.minus(Duration.ofHours(3));
            dynos.add(new SimDyno("web.1", "Standard-1X", "bundle exec puma -C config/puma.rb", started));
            dynos.add(new SimDyno("web.2", "Standard-1X", "bundle exec puma -C config/puma.rb", started));
            dynos.add(new SimDyno("worker.1", "Standard-1X", "bundle exec sidekiq -C config/sidekiq.yml", started));
            configVars.put("DATABASE_URL", "postgres://demo:demo-password@db.lifeboat-demo.invalid:5432/demo");
            configVars.put("RAILS_ENV", "production");
            configVars.put("RAILS_MASTER_KEY", "0123456789abcdef0123456789abcdef");
            configVars.put("REDIS_URL", "rediss://:demo-redis@redis.lifeboat-demo.invalid:6380");
            configVars.put("SENTRY_DSN", "https://demo@sentry.lifeboat-demo.invalid/1");
            configVars.put("WEB_CONCURRENCY", "3");
            for (int i = 0; i < 12; i++) {
                Instant at = now.minusSeconds(60L * (12 - i));
                String dyno = i % 3 == 2 ? "web.2" : "web.1";
                log(at, "heroku[router]: at=info method=GET path=\"/\" host=" + name + ".herokuapp.com dyno=" + dyno
                        + " connect=0ms service=" + (18 + i) + "ms status=200 bytes=5120 protocol=https");
            }
        }

        Release addRelease(String description, String user, Instant at) {
            int version = releases.size() + 1;
            boolean eligible = version > 1;
            Release release = new Release(DemoIds.uuid("release:" + name + ":" + version), version,
                    ReleaseStatus.SUCCEEDED, description, new Release.User(DemoIds.uuid("user:" + user), user),
                    true, eligible, at, at, List.of("heroku-postgresql:standard-0"), null);
            releases.replaceAll(r -> r.current() ? new Release(r.id(), r.version(), r.status(), r.description(),
                    r.user(), false, r.eligibleForRollback(), r.createdAt(), r.updatedAt(), r.addonPlanNames(),
                    r.outputStreamUrl()) : r);
            releases.add(release);
            log(at, "app[api]: Release " + release.label() + " created by user " + user);
            return release;
        }

        void restart(String type, Instant now, String why) {
            for (SimDyno dyno : dynos) {
                if (type == null || dyno.type.equals(type)) {
                    restartOne(dyno, now, why);
                }
            }
        }

        void restartOne(SimDyno dyno, Instant now, String why) {
            String before = state(dyno, now).wire();
            dyno.startingUntil = now.plus(RESTART_TIME);
            dyno.updatedAt = now;
            dyno.createdAt = now;
            log(now, "heroku[" + dyno.name + "]: " + (why.equals("restart") ? "Restarting" : "Restarting (" + why + ")"));
            log(now, "heroku[" + dyno.name + "]: State changed from " + before + " to starting");
            log(now, "heroku[" + dyno.name + "]: Starting process with command `" + dyno.command + "`");
        }

        DynoState state(SimDyno dyno, Instant now) {
            if (now.isBefore(dyno.startingUntil)) {
                return DynoState.STARTING;
            }
            return crashed.contains(dyno.type) ? DynoState.CRASHED : DynoState.UP;
        }

        Dyno toDyno(SimDyno dyno, Instant now) {
            Release current = releases.get(releases.size() - 1);
            Instant updated = now.isBefore(dyno.startingUntil) ? dyno.updatedAt : max(dyno.updatedAt, dyno.startingUntil);
            return new Dyno(DemoIds.uuid("dyno:" + name + ":" + dyno.name), dyno.name, dyno.type, state(dyno, now),
                    dyno.size, dyno.command, new Dyno.ReleaseRef(current.id(), current.version()), dyno.createdAt,
                    updated);
        }

        HerokuApp toApp() {
            Release current = releases.get(releases.size() - 1);
            return new HerokuApp(id, name, maintenance, "https://" + name + ".herokuapp.com/",
                    "https://git.heroku.com/" + name + ".git", new NamedRef(DemoIds.uuid("region:eu"), "eu"),
                    new NamedRef(DemoIds.uuid("stack:heroku-24"), "heroku-24"), null,
                    new HerokuApp.Owner(DemoIds.uuid("user:alice@lifeboat.demo"), "alice@lifeboat.demo"),
                    "Ruby/Rails", 87_031_808L, createdAt, updatedAt, current.createdAt());
        }

        PostgresAddon addon() {
            return new PostgresAddon(DemoIds.addonId(name), DemoIds.addonName(name), "heroku-postgresql:standard-0", name);
        }

        void log(Instant at, String line) {
            logs.addLast(at + " " + line);
            while (logs.size() > LOG_BUFFER) {
                logs.removeFirst();
            }
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
