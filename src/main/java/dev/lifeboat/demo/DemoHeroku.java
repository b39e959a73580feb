package dev.lifeboat.demo;

import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.heroku.ConfigVars;
import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.Formation;
import dev.lifeboat.heroku.HerokuApp;
import dev.lifeboat.heroku.HerokuException;
import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.heroku.LogRequest;
import dev.lifeboat.heroku.LogSession;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.heroku.Releases;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.PathId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final Clock clock;
    private final Map<String, DemoHerokuApp> apps = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    /** How long a failing release phase runs before it fails. */
    public static final Duration RELEASE_PHASE_TIME = Duration.ofSeconds(6);
    private Failure outage;
    private List<String> failNextRelease;
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
            apps.put(name, new DemoHerokuApp(name, clock.instant()));
        }
    }

    // ---- practice controls ----

    /**
     * Makes every dyno of a process type (e.g. {@code web}) of the production app (the first simulated one) crash
     * and stay crashed, through restarts, until a rollback or {@link #healDynos()}.
     */
    public synchronized void crashDynos(String type) {
        DemoHerokuApp app = primary();
        Instant now = clock.instant();
        app.crashed.add(type);
        for (DemoHerokuApp.SimDyno dyno : app.dynos) {
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
        for (DemoHerokuApp app : apps.values()) {
            app.crashed.clear();
            app.restart(null, clock.instant(), "heal");
        }
    }

    /**
     * The next rollback's release phase fails after {@link #RELEASE_PHASE_TIME}, printing {@code output}: the new
     * release ends {@code failed} and the release before it keeps running.
     */
    public synchronized void failNextRelease(List<String> output) {
        this.failNextRelease = List.copyOf(output);
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
        DemoHerokuApp sim = find(app);
        Instant now = clock.instant();
        sim.maintenance = on;
        sim.updatedAt = now;
        sim.log(now, "app[api]: " + (on ? "Enable" : "Disable") + " maintenance mode by user " + OPERATOR);
        return sim.toApp();
    }

    @Override
    public synchronized List<Dyno> dynos(String app) {
        DemoHerokuApp sim = find(app);
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
        DemoHerokuApp sim = find(app);
        DemoHerokuApp.SimDyno target = sim.dynos.stream().filter(d -> d.name.equals(dyno)).findFirst()
                .orElseThrow(() -> notFound("dyno '" + dyno + "' on app '" + sim.name + "'"));
        sim.restartOne(target, clock.instant(), "restart");
    }

    @Override
    public synchronized void restartProcessType(String app, String type) {
        PathId.require(PathId.Kind.PROCESS_TYPE, type);
        DemoHerokuApp sim = find(app);
        if (sim.dynos.stream().noneMatch(d -> d.type.equals(type))) {
            throw notFound("process type '" + type + "' on app '" + sim.name + "'");
        }
        sim.restart(type, clock.instant(), "restart");
    }

    @Override
    public synchronized List<Formation> formation(String app) {
        DemoHerokuApp sim = find(app);
        Map<String, List<DemoHerokuApp.SimDyno>> byType = new TreeMap<>();
        sim.dynos.forEach(d -> byType.computeIfAbsent(d.type, t -> new ArrayList<>()).add(d));
        return byType.entrySet().stream().map(e -> {
            DemoHerokuApp.SimDyno first = e.getValue().get(0);
            return new Formation(DemoIds.uuid("formation:" + sim.name + ":" + e.getKey()), e.getKey(),
                    e.getValue().size(), first.size, first.command, sim.createdAt, sim.createdAt);
        }).toList();
    }

    @Override
    public synchronized List<Release> releases(String app, int limit) {
        DemoHerokuApp sim = find(app);
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
    public synchronized Release release(String app, String idOrVersion) {
        DemoHerokuApp sim = find(app);
        boolean byId = PathId.isValid(PathId.Kind.RELEASE_ID, idOrVersion);
        int version = byId ? 0 : PathId.releaseVersion(idOrVersion);
        return sim.releases.stream().filter(r -> byId ? r.id().equals(idOrVersion) : r.version() == version)
                .findFirst().orElseThrow(() -> notFound("release " + idOrVersion + " of app '" + sim.name + "'"));
    }

    @Override
    public synchronized LogLines releaseOutput(Release release, int maxLines, Duration timeLimit) {
        failIfOutage();
        for (DemoHerokuApp sim : apps.values()) {
            sim.settle(clock.instant());
            List<String> output = sim.outputs.get(release.id());
            if (output != null) {
                boolean cut = output.size() > maxLines;
                return new LogLines(cut ? output.subList(0, maxLines) : output,
                        cut ? LogLines.End.LINE_LIMIT : LogLines.End.COMPLETE);
            }
        }
        return new LogLines(List.of(), LogLines.End.COMPLETE);
    }

    @Override
    public synchronized Release rollback(String app, String releaseId) {
        PathId.require(PathId.Kind.RELEASE_ID, releaseId);
        DemoHerokuApp sim = find(app);
        Release target = sim.releases.stream().filter(r -> r.id().equals(releaseId)).findFirst()
                .orElseThrow(() -> notFound("app '" + sim.name + "', or no release to roll back to with that id"));
        if (!target.eligibleForRollback()) {
            throw new HerokuException(Failure.REJECTED, 422, null, "Heroku refused POST /apps/" + sim.name
                    + "/releases (422): Cannot roll back to " + target.label() + ": it is not eligible for rollback.");
        }
        Instant now = clock.instant();
        if (failNextRelease != null) {
            List<String> output = failNextRelease;
            failNextRelease = null;
            return sim.addFailingRelease("Rollback to " + target.label(), OPERATOR, now,
                    now.plus(RELEASE_PHASE_TIME), output);
        }
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
        DemoHerokuApp sim = find(app);
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
        DemoHerokuApp sim = apps.get(s.app);
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

    // ---- for the simulated builds ----

    /** A build's release, once its release phase passed: the new current release; dynos restart on it. */
    synchronized Release deployRelease(String app, String description, Instant at) {
        DemoHerokuApp sim = find(app);
        Release created = sim.addRelease(description, OPERATOR, at);
        sim.crashed.clear();
        sim.restart(null, at, "deploy");
        return created;
    }

    // ---- internals ----

    private DemoHerokuApp primary() {
        return apps.values().iterator().next();
    }

    /** The app by name or id; a malformed one is refused as the real client refuses it, before "calling" Heroku. */
    private DemoHerokuApp find(String app) {
        PathId.require(PathId.Kind.APP, app);
        failIfOutage();
        for (DemoHerokuApp sim : apps.values()) {
            if (sim.name.equals(app) || sim.id.equals(app)) {
                sim.settle(clock.instant());
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
}
