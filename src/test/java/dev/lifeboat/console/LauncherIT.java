package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.store.Database;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real launcher, {@code ./lifeboat}, the way a new user does (after {@code package}). */
class LauncherIT {
    @TempDir
    Path data;

    record Run(int exit, String out, String err) {
    }

    Run lifeboat(String... args) throws IOException, InterruptedException {
        return lifeboatWithInput("", args);
    }

    Run lifeboatWithInput(String input, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add("./lifeboat");
        builder.command().addAll(List.of(args));
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("HEROKU_")
                || name.startsWith("NETLIFY_") || name.equals("DATABASE_URL"));
        builder.environment().put("LIFEBOAT_DATA_DIR", data.toString());
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
            throw new AssertionError("./lifeboat " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void demoStatusPrintsTheVerdictAndEverySection() throws Exception {
        Run run = lifeboat("demo", "status");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("✅ All clear\n"), run.out());
        assertTrue(run.out().contains("🟢 App (lifeboat-demo) — ok\nMaintenance mode off\nDynos: web 2/2 up, worker 1/1 up\n"), run.out());
        assertTrue(run.out().contains("Health check https://lifeboat-demo.herokuapp.invalid/up → 200 in "), run.out());
        assertTrue(run.out().contains("🟢 Database — ok\nHeroku Postgres heroku-postgresql:standard-0"), run.out());
        assertTrue(run.out().contains("It matches the newest backup a012"), run.out());
        assertTrue(run.out().contains("🟢 Website (lifeboat-demo-site) — ok"), run.out());
        assertTrue(run.out().contains("🟢 Platforms — ok\nHeroku: Apps green, Data green, Tools green\nNetlify: All Systems Operational"), run.out());
        assertFalse(run.out().contains(":large_green_circle:"), "emoji codes are shown as symbols in a terminal");
    }

    @Test
    void practisingAnOutageInTheConsoleTurnsTheVerdictToDownWithOurDiagnosis() throws Exception {
        Run run = lifeboatWithInput("demo break app\nstatus\nexit\n", "demo");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("💥 Broke app: the app answers 503 (its web dynos crashed)."), run.out());
        assertTrue(run.out().contains("🚨 Down\nLikely ours: every web dyno has crashed while Heroku is green."), run.out());
        assertTrue(run.out().contains("Dynos: web 0/2 up (2 crashed), worker 1/1 up"), run.out());
        assertTrue(run.out().contains("→ 503 in "), run.out());
    }

    @Test
    void demoBackupsListsTheNewestBackupsWithTheirOffsiteCopies() throws Exception {
        Run run = lifeboat("demo", "backups");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Backups of lifeboat-demo\n"), run.out());
        assertTrue(run.out().contains("Newest 10 of 12 backups (offsite: ✓ copied, ✗ missing)\na012 "), run.out());
        assertTrue(run.out().contains(" · 90.00 MB · completed · offsite ✓ size matches, no checksum recorded\n"), run.out());
        assertTrue(run.out().contains("… and 2 older backups on Heroku."), run.out());
        assertTrue(run.out().contains("Schedule: daily at 02:00 UTC"), run.out());
    }

    @Test
    void demoHelpListsTheCommands() throws Exception {
        Run run = lifeboat("demo", "help");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Lifeboat commands\n"), run.out());
        assertTrue(run.out().contains("/dr status — one-glance health"), run.out());
        assertTrue(run.out().contains("/dr history [N|RUN] — recent commands and runs, from the audit log; with a run id, every step of that run"), run.out());
        assertTrue(run.out().contains("Anyone may run (these change the demo world: simulated systems only, nothing real):\n"
                + "/dr demo [break|heal app|site|heroku|netlify|all] | fail restore|backup|copy|site|build|release — practise an outage"),
                run.out());
        assertTrue(run.out().contains("/dr redeploy [REF] — build a branch, tag or commit"), run.out());
        assertTrue(run.out().contains("/dr restore [BACKUP] [to staging|production] — restore a backup"), run.out());
        assertTrue(run.out().contains("/dr drill — restore the newest backup"), run.out());
        assertTrue(run.out().contains("Nobody may run changing commands from Slack: LIFEBOAT_OPERATORS is empty."), run.out());
    }

    @Test
    void aDemoRestoreAnswersItsCardAndChangesNothing() throws Exception {
        Run run = lifeboat("demo", "restore");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Restore production (lifeboat-demo) from a012?\n"), run.out());
        assertTrue(run.out().contains("Next steps: [Restore to staging first: restore a012 to staging] "
                + "[Restore production: confirm r-"), run.out());
    }

    @Test
    void anUnknownCommandSaysSoWithUsage() throws Exception {
        Run run = lifeboat("demo", "restor");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("I don't know restor. Usage: /dr COMMAND [ARGS]."), run.out());
    }

    @Test
    void withNoCredentialsTheLauncherOpensTheDemoConsoleWithItsBanner() throws Exception {
        Run run = lifeboat();

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Lifeboat — DEMO WORLD."), run.out());
        assertTrue(run.out().contains("set HEROKU_API_KEY and HEROKU_APP"), run.out());
        assertTrue(run.out().contains("dr> "), run.out());
    }

    @Test
    void serveWithoutSlackCredentialsRefusesToStartNamingTheVariables() throws Exception {
        Run run = lifeboat("serve");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("SLACK_BOT_TOKEN is required to serve Slack"), run.err());
        assertTrue(run.err().contains("SLACK_SIGNING_SECRET is required in HTTP mode"), run.err());
    }

    @Test
    void aSecondLifeboatOnTheSameEmbeddedStoreIsToldItIsInUseAndWhatToDo() throws Exception {
        try (Database held = Database.open(new RuntimeSettings(3000, data, Optional.empty(), Optional.empty(), 60, 3, false,
                Optional.empty()))) {
            Run run = lifeboat("demo", "status");

            assertEquals(2, run.exit(), run.out());
            assertTrue(run.err().startsWith("Lifeboat cannot start: the state store (H2 at " + data.toAbsolutePath().normalize()
                    + ") is in use by another Lifeboat process, a running server or console"), run.err());
            assertTrue(run.err().contains("Stop the other process, or give both the same DATABASE_URL (PostgreSQL)"), run.err());
        }
    }
}
