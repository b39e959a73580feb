package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunState;
import org.junit.jupiter.api.Test;

/**
 * The demo world as {@code ./lifeboat} wires it (simulated Heroku, backups, S3; the H2 state store), typed into the
 * console: {@code backup} captures and copies offsite, {@code backup offsite} copies what is missing and applies
 * retention, a practised copy failure leaves nothing and is retried, and {@code backups} shows the verification. Only the clock is manual (every wait moves
 * it) and runs execute on the console's thread, so each {@code confirm} returns once its run has ended.
 */
class DemoBackupConsoleTest extends DemoConsole {
    @Test
    void helpListsTheBackupCommands() {
        String help = console.run("help");

        assertTrue(help.contains("/dr backup offsite"), help);
        assertTrue(help.contains("capture a backup of the database now"), help);
    }

    @Test
    void aBackupIsCapturedFollowedAndCopiedOffsiteWithItsChecksumRecorded() {
        String card = console.run("backup");
        String id = runId(card);
        assertTrue(card.startsWith("Back up lifeboat-demo's database now?"), card);
        assertTrue(card.contains("s3://lifeboat-demo-backups/pg-backups/lifeboat-demo/"), card);

        String answer = console.run("confirm " + id);
        String again = console.run("confirm " + id);

        assertTrue(answer.startsWith("🚀 Run " + id + " started"), answer);
        assertTrue(!again.contains("started"), "a second confirmation runs nothing: " + again);
        Run done = run(id);
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertTrue(done.outcome().startsWith("b013 is captured and offsite: s3://lifeboat-demo-backups/pg-backups/"
                + "lifeboat-demo/b013."), done.outcome());
        assertTrue(done.outcome().contains("size matches Heroku's, SHA-256 "), done.outcome());
        long captures = injector.getInstance(dev.lifeboat.demo.DemoPgBackups.class).transfers("lifeboat-demo").stream()
                .filter(t -> t.name().startsWith("b")).count();
        assertEquals(1, captures, "one capture for two confirmations");

        String backups = console.run("backups");
        assertTrue(backups.contains("b013") && backups.contains("offsite ✓ size matches, SHA-256 "), backups);
        String status = console.run("status");
        assertTrue(status.contains("It matches the newest backup b013: size matches, SHA-256 "), status);
    }

    @Test
    void aCopyThatLosesItsSourceLeavesNothingAndTheNextOffsiteRunCopiesIt() {
        assertTrue(console.run("demo fail copy").startsWith("💥 The next offsite copy"));
        String id = runId(console.run("backup"));
        console.run("confirm " + id);

        Run failed = run(id);
        assertEquals(RunState.FAILED, failed.state());
        assertTrue(failed.step("copy-offsite").orElseThrow().detail().startsWith("b013: "), failed.toString());
        assertTrue(failed.outcome().contains("`/dr backup offsite` copies it"), failed.outcome());
        assertTrue(console.run("backups").contains("offsite ✗ (copy failed: "), console.run("backups"));

        String card = console.run("backup offsite");
        assertTrue(card.contains("b013 ("), card);
        String offsite = runId(card);
        console.run("confirm " + offsite);

        Run done = run(offsite);
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertTrue(done.step("copy-missing").orElseThrow().detail().startsWith("copied 1: b013 → s3://"),
                done.toString());
        String nothing = console.run("backup offsite");
        assertTrue(nothing.startsWith("✅ Nothing to do: every successful backup of lifeboat-demo is offsite"),
                nothing);
    }
}
