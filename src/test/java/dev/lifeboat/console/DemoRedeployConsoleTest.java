package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunState;
import org.junit.jupiter.api.Test;

/**
 * {@code redeploy} in the demo world as {@code ./lifeboat} wires it (simulated GitHub and Heroku builds), typed into
 * the console: a redeploy of the stable branch, a practised failing build and a practised failing release phase.
 * The clock is manual (every wait moves it) and runs execute on the console's thread.
 */
class DemoRedeployConsoleTest extends DemoConsole {

    @Test
    void helpListsRedeployAndTheDemoSwitches() {
        String help = console.run("help");

        assertTrue(help.contains("/dr redeploy [REF]"), help);
        assertTrue(help.contains("fail restore|backup|copy|site|build|release"), help);
    }

    @Test
    void aRedeployOfTheStableBranchPlaysOutInTheConsole() {
        String card = console.run("redeploy");
        String id = runId(card);
        assertTrue(card.startsWith("Redeploy lifeboat-demo from main?"), card);
        assertTrue(card.contains("e57f0b3 Fix rounding of multi-currency cart totals"), card);
        assertTrue(card.contains("by Bob Builder, 4 h ago"), card);
        assertTrue(card.contains("v8 · Deploy e57f0b3"), card);
        assertTrue(card.contains("commit e57f0b3"), card);
        assertTrue(card.contains("The same commit runs now"), card);

        String answer = console.run("confirm " + id);

        assertTrue(answer.startsWith("🚀 Run " + id + " started"), answer);
        Run done = run(id);
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertTrue(done.outcome().startsWith("Redeployed lifeboat-demo to e57f0b3 (main) as v9 in "), done.outcome());
        for (String line : new String[] {"[" + id + "] ✓ Check commit e57f0b3 at GitHub (lifeboat-demo/shop)",
                "[" + id + "] ✓ Start a Heroku build of e57f0b3 for lifeboat-demo",
                "[" + id + "] ✓ Wait for the build of e57f0b3 (built in 8 s; Heroku is releasing it)",
                "[" + id + "] ✓ Wait for the release and its release phase (v9 is live)",
                "[" + id + "] ✓ Check that lifeboat-demo answers"}) {
            assertTrue(shown().contains(line), line + " in\n" + shown());
        }
        assertFalse(shown().contains("demo-download-token"), "the tarball's token reaches no one but Heroku");
        String status = console.run("status");
        assertTrue(status.contains("v9"), status);
    }

    @Test
    void aRedeployFixesAppThatCrashed() {
        console.run("demo break app");
        String id = runId(console.run("redeploy v2.14.0"));

        console.run("confirm " + id);

        Run done = run(id);
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertTrue(done.outcome().contains("to 9a2f6c3 (v2.14.0) as v9"), done.outcome());
    }

    @Test
    void aPractisedFailingBuildStopsAndShowsItsLastLines() {
        assertTrue(console.run("demo fail build").startsWith("💥 The next build in the demo world will fail"));
        String id = runId(console.run("redeploy"));

        console.run("confirm " + id);

        Run done = run(id);
        assertEquals(RunState.FAILED, done.state());
        assertTrue(done.outcome().startsWith("The build failed, so nothing was released: lifeboat-demo still runs v8."),
                done.outcome());
        assertTrue(done.outcome().contains("Push rejected, failed to compile Ruby app."), done.outcome());
        assertTrue(done.outcome().contains("Could not find gem 'sassc-rails (~> 2.1)'"), done.outcome());
        assertTrue(console.run("status").contains("v8"));
    }

    @Test
    void aPractisedFailingReleasePhaseKeepsTheReleaseBefore() {
        console.run("demo fail release");
        String id = runId(console.run("redeploy"));

        console.run("confirm " + id);

        Run done = run(id);
        assertEquals(RunState.FAILED, done.state());
        assertTrue(done.outcome().startsWith("v9 failed its release phase, so Heroku kept v8 running on lifeboat-demo."),
                done.outcome());
        assertTrue(done.outcome().contains("PG::DuplicateTable"), done.outcome());
    }

    @Test
    void wordsThatCannotBeARefAndASecondWordAreRefusedBeforeGitHubIsAsked() {
        assertTrue(console.run("redeploy ../main").contains("../main is not a branch, tag or commit name"));
        assertTrue(console.run("redeploy main~1").contains("is not a branch, tag or commit name"));
        assertTrue(console.run("redeploy main now").contains("takes at most one word"));
    }

    @Test
    void aSecondRedeployWhileOneRunsIsRefusedNamingIt() {
        String id = runId(console.run("redeploy"));
        java.util.concurrent.atomic.AtomicReference<String> second = new java.util.concurrent.atomic.AtomicReference<>();
        onWait = c -> {
            if (second.get() == null) {
                second.set(c.run("redeploy v2.14.0"));
            }
        };

        console.run("confirm " + id);

        assertTrue(second.get().contains("Run " + id + " (Redeploy lifeboat-demo from main (e57f0b3)) is already working "
                + "on lifeboat-demo"), second.get());
        assertEquals(RunState.SUCCEEDED, run(id).state(), run(id).outcome());
    }

    @Test
    void anUnknownRefIsRefusedAndNothingIsProposed() {
        String answer = console.run("redeploy no-such-branch");

        assertTrue(answer.contains("GitHub has no branch, tag or commit no-such-branch in lifeboat-demo/shop"), answer);
        assertTrue(answer.contains("Nothing was changed."), answer);
        assertFalse(answer.contains("r-"), answer);
    }
}
