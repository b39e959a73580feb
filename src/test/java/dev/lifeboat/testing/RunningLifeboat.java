package dev.lifeboat.testing;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.lifeboat.GracefulStop;
import dev.lifeboat.Wiring;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.slack.SlackCheck;
import dev.lifeboat.slack.SlackServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real Lifeboat server (Jetty, Bolt, Guice, H2), started on a free loopback port for a test. */
public final class RunningLifeboat implements AutoCloseable {
    private final Injector injector;
    private final SlackServer server;
    private final int port;

    private RunningLifeboat(Injector injector, SlackServer server, int port) {
        this.injector = injector;
        this.server = server;
        this.port = port;
    }

    public static RunningLifeboat start(Map<String, String> env, Module... extra) throws Exception {
        return start(env, List.of(), extra);
    }

    /**
     * Starts with {@code overrides} replacing bindings of the real wiring (e.g. {@code StatusTimings}, which
     * {@code StatusModule} binds), and {@code extra} added beside it (e.g. more commands); returns once Slack (the
     * test's stand-in) accepted the token.
     */
    public static RunningLifeboat start(Map<String, String> env, List<Module> overrides, Module... extra)
            throws Exception {
        RunningLifeboat lifeboat = starting(env, overrides, extra);
        SlackCheck.Result outcome = lifeboat.server.connection().outcome().get(30, TimeUnit.SECONDS);
        if (!(outcome instanceof SlackCheck.Accepted)) {
            lifeboat.close();
            throw new IllegalStateException("Slack did not accept the token: " + outcome);
        }
        return lifeboat;
    }

    /** Starts like {@link #start} but returns at once, while Lifeboat may still be reaching Slack. */
    public static RunningLifeboat starting(Map<String, String> env, List<Module> overrides, Module... extra)
            throws Exception {
        LifeboatConfig config = LifeboatConfig.load(Env.of(env));
        config.requireSlackServe();
        List<Module> modules = new ArrayList<>();
        modules.add(Modules.override(Wiring.serve(config, Wiring.World.REAL).modules()).with(overrides));
        modules.addAll(List.of(extra));
        Injector injector = Guice.createInjector(modules);
        SlackServer server = injector.getInstance(SlackServer.class);
        int port = server.start("127.0.0.1", 0);
        return new RunningLifeboat(injector, server, port);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    public SlackServer server() {
        return server;
    }

    public <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    /** Stops the way a SIGTERM does: the front door, then the work, then the audit log and the store. */
    @Override
    public void close() {
        injector.getInstance(GracefulStop.class).stop(server);
    }
}
