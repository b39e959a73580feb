package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.Wiring;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.Waiter;
import dev.lifeboat.testing.DirectExecutorService;
import dev.lifeboat.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo world as {@code ./lifeboat} wires it (simulated systems, the H2 state store), for tests that type into its
 * console. Only the clock is manual (every wait moves it, after {@link #onWait}) and runs execute on the console's
 * thread, so each {@code confirm} returns once its run has ended. A fresh world for each test.
 */
abstract class DemoConsole {
    @TempDir
    Path data;

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T09:00:00Z"));
    /** What the terminal shows besides the answers: each run's steps as they go (ConsoleProgress). */
    final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    /** Runs at each wait, before the clock moves. */
    volatile Consumer<Console> onWait = c -> { };
    Injector injector;
    Console console;

    @BeforeEach
    void start() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(Map.of("LIFEBOAT_DATA_DIR", data.toString())));
        injector = Guice.createInjector(Modules.override(Wiring.console(config, Wiring.World.DEMO,
                new PrintStream(terminal, true, StandardCharsets.UTF_8)).modules())
                .with(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Clock.class).toInstance(clock);
                        bind(Waiter.class).toInstance(d -> {
                            onWait.accept(console);
                            clock.advance(d);
                        });
                        bind(ExecutorService.class).annotatedWith(Names.named("runs"))
                                .toInstance(new DirectExecutorService());
                    }
                }));
        console = new Console(injector.getInstance(CommandRunner.class), "alice");
    }

    @AfterEach
    void stop() {
        injector.getInstance(Lifecycle.class).close();
    }

    /** The first run id in {@code answer}. */
    static String runId(String answer) {
        Matcher m = Pattern.compile("r-[a-z2-9]{6}").matcher(answer);
        assertTrue(m.find(), answer);
        return m.group();
    }

    Run run(String id) {
        return injector.getInstance(RunEngine.class).find(id).orElseThrow();
    }

    /** Everything the terminal showed so far. */
    String shown() {
        return terminal.toString(StandardCharsets.UTF_8);
    }
}
