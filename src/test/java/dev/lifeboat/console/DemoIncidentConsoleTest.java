package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.Wiring;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.demo.DemoStatuspage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents in the demo world as {@code ./lifeboat} wires it: the terminal is the channel, the page is simulated. */
class DemoIncidentConsoleTest {
    @TempDir
    Path data;
    final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    Injector injector;

    @BeforeEach
    void start() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(Map.of("LIFEBOAT_DATA_DIR", data.toString())));
        injector = Guice.createInjector(Wiring.console(config, Wiring.World.DEMO,
                new PrintStream(terminal, true, StandardCharsets.UTF_8)).modules());
    }

    @AfterEach
    void stop() {
        injector.getInstance(Lifecycle.class).close();
    }

    @Test
    void openPreviewPostUpdateAndResolveInTheTerminal() throws Exception {
        Console console = new Console(injector.getInstance(CommandRunner.class), "alice");
        String typed = String.join("\n", "incident open the database is down", "2",
                "Checkout is down while we restore the database.", "1",
                "incident update Restore running monitoring", "incident", "incident resolve", "exit") + "\n";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        console.interactive(new BufferedReader(new StringReader(typed)), new PrintStream(screen, true, StandardCharsets.UTF_8));
        String out = screen.toString(StandardCharsets.UTF_8);
        String channel = terminal.toString(StandardCharsets.UTF_8);

        assertTrue(out.contains("We're currently experiencing downtime due to the database is down."), out);
        assertTrue(out.contains("1) Post") && out.contains("2) Edit") && out.contains("3) Cancel"), out);
        assertTrue(out.contains("Type the new text (one line):"), out);
        assertTrue(out.contains(" is open: “the database is down”"), out);
        assertTrue(out.contains("Status page: opened (investigating)"), out);
        assertTrue(out.contains("Update posted on incident"), out);
        assertTrue(out.contains("resolved after"), out);
        assertTrue(channel.contains("── incident channel ──") && channel.contains("Checkout is down while we restore"), channel);
        assertTrue(channel.contains("alice (console) (monitoring): Restore running"), channel);

        DemoStatuspage page = injector.getInstance(DemoStatuspage.class);
        assertEquals(0, page.unresolvedIncidents().size(), "the simulated page's incident is resolved");
    }

    @Test
    void theMonitorOpensAnIncidentAtOnceWithAutoIncidentAndOnlyOne() {
        dev.lifeboat.monitor.IncidentOpener opener = injector.getInstance(dev.lifeboat.monitor.IncidentOpener.class);

        String first = opener.open("an outage of our app", "Lifeboat monitor");
        String second = opener.open("an outage of our app", "Lifeboat monitor");

        assertTrue(first.contains("is open: “an outage of our app”") && first.contains("Status page: opened"), first);
        assertTrue(second.contains("is already open (“an outage of our app”); none opened."), second);
        String shown = new Console(injector.getInstance(CommandRunner.class), "alice").run("incident");
        assertTrue(shown.contains("Lifeboat monitor"), "opened by the monitor, by name: " + shown);
        assertEquals(1, injector.getInstance(DemoStatuspage.class).unresolvedIncidents().size());
    }
}
