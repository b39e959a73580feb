package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunState;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The app commands in the demo world as {@code ./lifeboat} wires it, typed into the console: maintenance, restart,
 * rollback (and its practised release-phase failure) and logs. Only the clock is manual (every wait moves it) and
 * runs execute on the console's thread, so each {@code confirm} returns once its run has ended.
 */
class DemoAppConsoleTest extends DemoConsole {
    Run confirm(String card) {
        String id = runId(card);
        String answer = console.run("confirm " + id);
        assertTrue(answer.contains("Run " + id + " started"), answer);
        return run(id);
    }

    @Test
    void helpListsTheAppCommands() {
        String help = console.run("help");

        for (String usage : new String[] {"/dr maintenance on|off", "/dr restart [TYPE|DYNO]", "/dr rollback [vNNN]",
                "/dr logs [LINES] [DYNO]"}) {
            assertTrue(help.contains(usage), usage + " in\n" + help);
        }
    }

    @Test
    void maintenanceShowsTheStateThenGoesOnAndOff() {
        assertTrue(console.run("maintenance").startsWith("Maintenance mode is off: the app serves visitors"),
                console.run("maintenance"));
        String card = console.run("maintenance on");
        assertTrue(card.startsWith("Turn maintenance mode on for lifeboat-demo?"), card);
        assertTrue(card.contains("every visitor gets Heroku's maintenance page (HTTP 503)"), card);

        Run on = confirm(card);

        assertEquals(RunState.SUCCEEDED, on.state(), on.outcome());
        assertTrue(on.outcome().startsWith("Maintenance mode is ON for lifeboat-demo: visitors see Heroku's "
                + "maintenance page (HTTP 503)"), on.outcome());
        assertTrue(console.run("maintenance on").contains("already on"), console.run("maintenance on"));

        Run off = confirm(console.run("maintenance off"));

        assertEquals(RunState.SUCCEEDED, off.state(), off.outcome());
        assertTrue(off.outcome().startsWith("Maintenance mode is off for lifeboat-demo and the app answers"),
                off.outcome());
        assertTrue(console.run("maintenance maybe").contains("maybe is neither on nor off"),
                console.run("maintenance maybe"));
    }

    @Test
    void restartingWebWaitsUntilItsDynosAreUp() {
        String card = console.run("restart web");
        assertTrue(card.startsWith("Restart lifeboat-demo's web dynos?"), card);
        assertTrue(card.contains("web.1 — up"), card);

        Run done = confirm(card);

        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertTrue(done.outcome().startsWith("Restarted lifeboat-demo's web dynos (all 2 up: web.1, web.2) and the "
                + "app answers"), done.outcome());
        assertTrue(console.run("restart web.9").contains("There is no dyno web.9 on lifeboat-demo; its dynos: "
                + "web.1 (up), web.2 (up), worker.1 (up). Nothing was restarted."), console.run("restart web.9"));
    }

    @Test
    void aRestartDoesNotCureACrashAndSaysWhichDynosAreDown() {
        console.run("demo break app");

        Run done = confirm(console.run("restart"));

        assertEquals(RunState.FAILED, done.state());
        assertTrue(done.step("dynos-up").orElseThrow().detail().contains("web.1 crashed, web.2 crashed (up: worker.1)"),
                done.toString());
        assertTrue(done.outcome().contains("A restart does not cure a crash in the code"), done.outcome());
    }

    @Test
    void aRollbackGoesToThePreviousReleaseAndARepeatedRunIsRefused() {
        String card = console.run("rollback");
        assertTrue(card.startsWith("Roll lifeboat-demo back from v8 to v7?"), card);
        assertTrue(card.contains("A rollback does not undo database migrations"), card);

        Run done = confirm(card);

        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertTrue(done.outcome().startsWith("Rolled lifeboat-demo back to v7 (it runs as v9) and the app answers"),
                done.outcome());
        assertTrue(console.run("rollback v9").contains("v9 is the release running now"), console.run("rollback v9"));
        assertTrue(console.run("rollback v1").contains("Heroku marks v1 as not eligible for rollback"),
                console.run("rollback v1"));
        assertTrue(console.run("rollback v99").contains("lifeboat-demo has no release v99"), console.run("rollback v99"));
    }

    @Test
    void aReleasePhaseThatFailsKeepsTheOldReleaseAndShowsItsOutput() {
        assertTrue(console.run("demo fail release").startsWith("💥 The next release phase"));

        Run done = confirm(console.run("rollback"));

        assertEquals(RunState.FAILED, done.state());
        String detail = done.step("release").orElseThrow().detail();
        assertTrue(detail.startsWith("v9 failed its release phase; the last 6 lines of its output:"), detail);
        assertTrue(detail.contains("PG::DuplicateTable"), detail);
        assertTrue(done.outcome().contains("Heroku kept v8 running"), done.outcome());
        assertTrue(console.run("rollback v9").contains("v9 failed"), console.run("rollback v9"));
    }

    @Test
    void logsHideConfigVarValuesAndUrlPasswords() {
        String logs = console.run("logs 20");

        assertTrue(logs.startsWith("Logs of lifeboat-demo\n"), logs);
        assertTrue(logs.contains("heroku[router]: at=info method=GET"), logs);
        assertTrue(logs.contains("app[web.1]: Sentry reporting to [SENTRY_DSN]"), logs);
        assertTrue(logs.contains("app[worker.1]: Sidekiq connecting to [REDIS_URL]"), logs);
        assertTrue(logs.contains("Authorization: Bearer ****"), logs);
        for (String secret : new String[] {"demo-redis", "https://demo@", "demo-bearer-token"}) {
            assertFalse(logs.contains(secret), secret + " in\n" + logs);
        }
        assertTrue(console.run("logs 20 clock").contains("No dyno or process type clock runs on lifeboat-demo"),
                console.run("logs 20 clock"));
    }

    @Test
    void oneChangeToTheAppAtATimeAndNoRestoreMeanwhile() {
        String id = runId(console.run("restart web"));
        AtomicReference<String> maintenance = new AtomicReference<>();
        AtomicReference<String> restore = new AtomicReference<>();
        onWait = c -> {
            if (maintenance.get() == null && run(id).current().map(s -> s.id().equals("dynos-up")).orElse(false)) {
                maintenance.set(c.run("maintenance on"));
                restore.set(c.run("restore"));
            }
        };

        console.run("confirm " + id);

        assertTrue(maintenance.get().contains("Run " + id + " (Restart lifeboat-demo's web dynos, requested by alice "
                + "(console)) is already working on lifeboat-demo: now at Wait until lifeboat-demo's web dynos are up"),
                maintenance.get());
        assertTrue(restore.get().contains("Run " + id + " (Restart lifeboat-demo's web dynos"), restore.get());
        assertEquals(RunState.SUCCEEDED, run(id).state(), run(id).outcome());
        assertFalse(run(id).outcome().isEmpty());
    }
}
