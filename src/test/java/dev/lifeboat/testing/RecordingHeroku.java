package dev.lifeboat.testing;

import dev.lifeboat.heroku.ConfigVars;
import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.Formation;
import dev.lifeboat.heroku.HerokuApp;
import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.heroku.LogRequest;
import dev.lifeboat.heroku.LogSession;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.heroku.Release;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link HerokuPlatform} that passes every call to another (the demo's) and writes each call that changes something
 * into a shared {@link CallLog}; config vars can be replaced per app (e.g. a DATABASE_URL pointing at a test
 * PostgreSQL), and the next call of a method can be made to throw.
 */
public final class RecordingHeroku implements HerokuPlatform {
    private final HerokuPlatform delegate;
    private final CallLog log;
    private final Map<String, ConfigVars> configVars = new HashMap<>();
    private final Map<String, RuntimeException> failNext = new HashMap<>();

    public RecordingHeroku(HerokuPlatform delegate, CallLog log) {
        this.delegate = delegate;
        this.log = log;
    }

    public void configVars(String app, Map<String, String> vars) {
        configVars.put(app, new ConfigVars(vars));
    }

    /** The next call of {@code method} throws {@code failure} instead of reaching the delegate. */
    public synchronized void failNext(String method, RuntimeException failure) {
        failNext.put(method, failure);
    }

    private synchronized <T> T call(String method, Supplier<T> body) {
        RuntimeException failure = failNext.remove(method);
        if (failure != null) {
            throw failure;
        }
        return body.get();
    }

    private void change(String method, String what, Runnable body) {
        call(method, () -> {
            log.add("heroku." + method + " " + what);
            body.run();
            return null;
        });
    }

    @Override
    public HerokuApp app(String app) {
        return call("app", () -> delegate.app(app));
    }

    @Override
    public HerokuApp setMaintenance(String app, boolean on) {
        HerokuApp[] out = new HerokuApp[1];
        change("setMaintenance", app + " " + (on ? "on" : "off"), () -> out[0] = delegate.setMaintenance(app, on));
        return out[0];
    }

    @Override
    public List<Dyno> dynos(String app) {
        return call("dynos", () -> delegate.dynos(app));
    }

    @Override
    public void restartAllDynos(String app) {
        change("restartAllDynos", app, () -> delegate.restartAllDynos(app));
    }

    @Override
    public void restartDyno(String app, String dyno) {
        change("restartDyno", app + " " + dyno, () -> delegate.restartDyno(app, dyno));
    }

    @Override
    public void restartProcessType(String app, String type) {
        change("restartProcessType", app + " " + type, () -> delegate.restartProcessType(app, type));
    }

    @Override
    public List<Formation> formation(String app) {
        return call("formation", () -> delegate.formation(app));
    }

    @Override
    public List<Release> releases(String app, int limit) {
        return call("releases", () -> delegate.releases(app, limit));
    }

    @Override
    public Release currentRelease(String app) {
        return call("currentRelease", () -> delegate.currentRelease(app));
    }

    @Override
    public Optional<Release> defaultRollbackTarget(String app) {
        return call("defaultRollbackTarget", () -> delegate.defaultRollbackTarget(app));
    }

    @Override
    public Release release(String app, String idOrVersion) {
        return call("release", () -> delegate.release(app, idOrVersion));
    }

    @Override
    public LogLines releaseOutput(Release release, int maxLines, Duration timeLimit) {
        return call("releaseOutput", () -> delegate.releaseOutput(release, maxLines, timeLimit));
    }

    @Override
    public Release rollback(String app, String releaseId) {
        Release[] out = new Release[1];
        change("rollback", app + " " + releaseId, () -> out[0] = delegate.rollback(app, releaseId));
        return out[0];
    }

    @Override
    public ConfigVars configVars(String app) {
        return call("configVars", () -> configVars.containsKey(app) ? configVars.get(app) : delegate.configVars(app));
    }

    @Override
    public LogSession createLogSession(String app, LogRequest request) {
        return call("createLogSession", () -> delegate.createLogSession(app, request));
    }

    @Override
    public LogLines readLogs(LogSession session, int maxLines, Duration timeLimit) {
        return call("readLogs", () -> delegate.readLogs(session, maxLines, timeLimit));
    }

    @Override
    public Optional<PostgresAddon> postgresAddon(String app) {
        return call("postgresAddon", () -> delegate.postgresAddon(app));
    }

    @Override
    public PostgresAddon resolveDatabase(String app) {
        return call("resolveDatabase", () -> delegate.resolveDatabase(app));
    }
}
