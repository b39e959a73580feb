package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.demo.DemoNetlify;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code site restore} and {@code site rebuild} in the demo world as {@code ./lifeboat} wires it (the simulated
 * Netlify site, the simulated probe, the H2 state store), typed into the console. The clock is manual (every wait
 * moves it, and the simulated builds follow it) and runs execute on the console's thread.
 */
class DemoSiteConsoleTest extends DemoConsole {
    List<Deploy> deploys() {
        return injector.getInstance(NetlifySite.class).deploys(20);
    }

    String live() {
        return injector.getInstance(NetlifySite.class).site().publishedDeploy().id();
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
