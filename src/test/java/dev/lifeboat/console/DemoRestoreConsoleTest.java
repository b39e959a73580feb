package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunState;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The demo world as {@code ./lifeboat} wires it (simulated Heroku, backups, S3; the H2 state store), typed into the
 * console: a restore, a drill, a practised failure and a cancel play out. Only the clock is manual (every wait moves
 * it) and runs execute on the console's thread, so each {@code confirm} returns once its run has ended.
 */
class DemoRestoreConsoleTest extends DemoConsole {
    @Test
    void helpListsTheRestoreCommands() {
        String help = console.run("help");

        for (String usage : new String[] {"/dr restore [BACKUP] [to staging|production]", "/dr drill",
                "/dr confirm RUN [TYPED]", "/dr approve RUN", "/dr cancel RUN"}) {
            assertTrue(help.contains(usage), usage + " in\n" + help);
        }
    }

    @Test
    void aProductionRestorePlaysOutInTheConsole() {
        String card = console.run("restore");
        String id = runId(card);
        assertTrue(card.startsWith("Restore production (lifeboat-demo) from a012?"), card);

        String answer = console.run("confirm " + id + " lifeboat-demo");

        assertTrue(answer.startsWith("🚀 Run " + id + " started"), answer);
        Run done = run(id);
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertTrue(done.outcome().contains("RTO 24 s (confirmation to the app answering). RPO 6 h 59 min"),
                done.outcome());
        String shown = terminal.toString(java.nio.charset.StandardCharsets.UTF_8);
        for (String line : new String[] {"[" + id + "] ✓ Maintenance mode on for lifeboat-demo",
                "[" + id + "] ✓ Safety backup of lifeboat-demo's database (b013, ",
                "[" + id + "] ✓ Wait for the restore of a012 (r014 restored 90.00 MB in 12 s)",
                "[" + id + "] – Validate the restored data (skipped: no checks configured",
                "[" + id + "] ✓ Check that lifeboat-demo answers",
                "[" + id + "] ✅ Succeeded in 24 s: Restored a012 into lifeboat-demo"}) {
            assertTrue(shown.contains(line), line + " in\n" + shown);
        }
    }

    @Test
    void aPractisedFailureStopsTheRestoreAndSaysMaintenanceIsOn() {
        assertTrue(console.run("demo fail restore").startsWith("💥 The next restore in the demo world will fail"));
        String id = runId(console.run("restore"));

        console.run("confirm " + id + " lifeboat-demo");

        Run done = run(id);
        assertEquals(RunState.FAILED, done.state());
        assertTrue(done.step("wait").orElseThrow().detail().contains("out of shared memory"), done.toString());
        assertTrue(done.outcome().contains("Maintenance mode is ON for lifeboat-demo"), done.outcome());
        String status = console.run("status");
        assertTrue(status.contains("Maintenance mode is on: Heroku answers 503 to every visitor"), status);
    }

    @Test
    void theDrillPlaysOutIntoTheSimulatedStagingApp() {
        String card = console.run("drill");
        String id = runId(card);
        assertTrue(card.startsWith("Restore drill into staging (lifeboat-demo-staging)?"), card);

        console.run("confirm " + id);

        Run done = run(id);
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertTrue(done.outcome().startsWith("Drill passed: a012 restored"), done.outcome());
        assertTrue(done.outcome().contains("Offsite copy s3:pg-backups/lifeboat-demo/a012.dump restored"), done.outcome());
    }

    @Test
    void aCancelTypedWhileTheRestoreRunsStopsIt() {
        String id = runId(console.run("restore to staging"));
        AtomicReference<String> answer = new AtomicReference<>();
        onWait = c -> {
            if (answer.get() == null && run(id).current().map(s -> s.id().equals("wait")).orElse(false)) {
                answer.set(c.run("cancel " + id));
            }
        };

        console.run("confirm " + id);

        assertTrue(answer.get().startsWith("⌛ Cancelling run " + id), answer.get());
        assertTrue(answer.get().contains("Done so far:\n• Preflight"), answer.get());
        Run done = run(id);
        assertEquals(RunState.CANCELLED, done.state());
        assertTrue(done.outcome().contains("was cancelled at Heroku part-way: lifeboat-demo-staging's database is "
                + "incomplete"), done.outcome());
    }
}
