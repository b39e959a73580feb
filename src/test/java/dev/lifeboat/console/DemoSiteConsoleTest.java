package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.lifeboat.demo.DemoNetlify;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.Waiter;
import dev.lifeboat.testing.DirectExecutorService;
import dev.lifeboat.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code site restore} and {@code site rebuild} in the demo world as {@code ./lifeboat} wires it (the simulated
 * Netlify site, the simulated probe, the H2 state store), typed into the console. The clock is manual (every wait
 * moves it, and the simulated builds follow it) and runs execute on the console's thread.
 */
class DemoSiteConsoleTest {
    @TempDir
    Path data;

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T09:00:00Z"));
    final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
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
                        bind(Waiter.class).toInstance(clock::advance);
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

    static String runId(String answer) {
        Matcher m = Pattern.compile("r-[a-z2-9]{6}").matcher(answer);
        assertTrue(m.find(), answer);
        return m.group();
    }

    Run run(String id) {
        return injector.getInstance(RunEngine.class).find(id).orElseThrow();
    }

    List<Deploy> deploys() {
        return injector.getInstance(NetlifySite.class).deploys(20);
    }

    String live() {
        return injector.getInstance(NetlifySite.class).site().publishedDeploy().id();
    }

    String shown() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheSiteCommands() {
        String help = console.run("help");

        assertTrue(help.contains("/dr site restore [DEPLOY] — publish an earlier Netlify deploy"), help);
        assertTrue(help.contains("/dr site rebuild — build the website again from its Git branch"), help);
        assertTrue(help.contains("fail restore|backup|copy|site"), help);
    }

    @Test
    void aSiteRestorePublishesTheDeployBeforeTheLiveOne() {
        String before = live();
        String previous = deploys().get(1).id();
        String card = console.run("site restore");
        String id = runId(card);
        assertTrue(card.startsWith("Publish an earlier deploy of " + DemoNetlify.SITE_NAME + "?"), card);
        assertTrue(card.contains("“Add status banner component”"), card);
        assertEquals(before, live(), "the card changes nothing");

        String answer = console.run("confirm " + id);

        assertTrue(answer.startsWith("🚀 Run " + id + " started"), answer);
        Run done = run(id);
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertEquals(previous, live());
        assertTrue(done.outcome().startsWith("Deploy " + previous + " “Add status banner component” (commit "), done.outcome());
        assertTrue(done.outcome().contains("To go back: `/dr site restore " + before + "`."), done.outcome());
        assertTrue(shown().contains("[" + id + "] ✓ Check that the site answers (https://lifeboat-demo-site.netlify.invalid/"
                + " answers: 200 in "), shown());
    }

    @Test
    void aSiteRebuildFollowsTheSimulatedBuildUntilItIsLive() {
        String id = runId(console.run("site rebuild"));

        console.run("confirm " + id);

        Run done = run(id);
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        String built = deploys().get(0).id();
        assertEquals(built, live());
        assertTrue(done.outcome().startsWith("Rebuilt " + DemoNetlify.SITE_NAME + " from branch `main`: deploy " + built
                + " is live and the site answers"), done.outcome());
        assertTrue(done.step("wait").orElseThrow().detail().startsWith(built + " is ready"), done.toString());
    }

    @Test
    void aPractisedBuildErrorStopsTheRebuildWithNetlifysMessageAndTheLogLink() {
        String before = live();
        assertTrue(console.run("demo fail site").startsWith("💥 The next Netlify build in the demo world will end in error"));
        String id = runId(console.run("site rebuild"));

        console.run("confirm " + id);

        Run done = run(id);
        assertEquals(RunState.FAILED, done.state());
        String failed = deploys().get(0).id();
        assertTrue(done.outcome().contains("ended in error: Failed during stage 'building site': Build script returned"
                + " non-zero exit code: 2.\nBuild log: https://app.netlify.com/sites/" + DemoNetlify.SITE_NAME
                + "/deploys/" + failed), done.outcome());
        assertEquals(before, live(), "a failed build is never published");
        String status = console.run("status");
        assertTrue(status.contains("failed"), status);
    }
}
