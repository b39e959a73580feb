package dev.lifeboat.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The closing line of a site run that stopped: what the site serves now, and the next action. One row a case. */
class SiteOutcomeTest {
    static final String LIVE = "663d2b8e4a1f9c0008b7c6d4";
    static final String TARGET = "663b9e3c2d4f8a0008e1f2a2";
    static final String BUILT = "663f1c2a9b8e7d0008a1b2c6";
    static final Instant T = Instant.parse("2026-11-27T09:00:00Z");

    /** A step: {@code id state [key=value …]}. */
    static StepRecord step(String spec) {
        String[] w = spec.split(" ");
        Map<String, String> records = new HashMap<>();
        for (int i = 2; i < w.length; i++) {
            String[] kv = w[i].split("=", 2);
            records.put(kv[0], kv[1]);
        }
        StepState state = StepState.valueOf(w[1]);
        return new StepRecord(w[0], w[0], state, "", 1, Optional.of(T), state.done() ? Optional.of(T.plusSeconds(9))
                : Optional.empty(), records);
    }

    static Run run(boolean restore, String... steps) {
        SitePlan plan = restore
                ? new SitePlan("site-1", "lifeboat-www", Optional.of(TARGET), Optional.of("“Add status banner” (commit e2a4c6e)"),
                        Optional.empty(), Optional.of(LIVE))
                : new SitePlan("site-1", "lifeboat-www", Optional.empty(), Optional.empty(), Optional.of("main"),
                        Optional.of(LIVE));
        List<StepRecord> records = new ArrayList<>();
        for (String s : steps) {
            records.add(step(s));
        }
        return new Run("r-site22", restore ? SiteRestoreRunbook.NAME : SiteRebuildRunbook.NAME, plan.title(),
                plan.lockTarget(), RunParams.of(plan.toParams()), RunState.FAILED, "U0ALICE", List.of("U0ALICE"),
                Optional.empty(), T, Optional.of(T), Optional.empty(), "", Map.of(), records);
    }

    static List<Object[]> cases() {
        return List.of(
                new Object[] {run(true, "publish FAILED"), "publish",
                        "Nothing was published: lifeboat-www still serves " + LIVE + ". Next: see why above, then try"
                                + " again with `/dr site restore " + TARGET + "`."},
                new Object[] {run(true, "publish FAILED asked-at=2026-11-27T09:00:00Z"), "publish",
                        "Netlify may have published " + TARGET + " even so (its answer was lost)"},
                new Object[] {run(true, "publish SUCCEEDED published=x", "live FAILED"), "live",
                        "Netlify took the publish of " + TARGET + ", but the site did not show it live in time. Next:"
                                + " `/dr status` shows which deploy is live; `/dr site restore " + LIVE + "` puts back"},
                new Object[] {run(true, "publish SUCCEEDED published=x", "live CANCELLED"), "live",
                        "did not show it live before the cancel"},
                new Object[] {run(true, "publish SUCCEEDED", "live SUCCEEDED", "verify FAILED url=https://www.acme.example/"),
                        "verify", TARGET + " is live, but the site does not answer at https://www.acme.example/. Next:"
                                + " `/dr status` shows why; `/dr site restore " + LIVE + "` puts back"},
                new Object[] {run(false, "build FAILED"), "build",
                        "No build was started: lifeboat-www still serves " + LIVE + ". Next: see why above, then"
                                + " `/dr site rebuild` again."},
                new Object[] {run(false, "build FAILED asked-at=2026-11-27T09:00:00Z"), "build",
                        "Netlify may have started a build even so (its answer was lost)"},
                new Object[] {run(false, "build SUCCEEDED deploy=" + BUILT, "wait FAILED state=error error=Build_failed."
                        + " log=https://app.netlify.com/sites/lifeboat-www/deploys/" + BUILT), "wait",
                        "Netlify's build (deploy " + BUILT + ") ended in error: Build_failed.\nBuild log:"
                                + " https://app.netlify.com/sites/lifeboat-www/deploys/" + BUILT + "\nlifeboat-www still"
                                + " serves " + LIVE + ": a failed build is never published."},
                new Object[] {run(false, "build SUCCEEDED deploy=" + BUILT, "wait CANCELLED"), "wait",
                        "Lifeboat stopped following deploy " + BUILT + ": Netlify goes on building it and publishes it"
                                + " if it succeeds (watch it, or stop it, at https://app.netlify.com/sites/lifeboat-www/deploys/"
                                + BUILT + "). Until then lifeboat-www serves " + LIVE + "."},
                new Object[] {run(false, "build SUCCEEDED deploy=" + BUILT, "wait FAILED"), "wait",
                        "Lifeboat could not see the end of deploy " + BUILT},
                new Object[] {run(false, "build SUCCEEDED deploy=" + BUILT, "wait SUCCEEDED", "live FAILED"), "live",
                        "Deploy " + BUILT + " was built (ready) but did not go live: Netlify may have auto publishing"
                                + " locked. Next: publish it with `/dr site restore " + BUILT + "`"},
                new Object[] {run(false, "build SUCCEEDED deploy=" + BUILT, "wait SUCCEEDED", "live SUCCEEDED",
                        "verify FAILED"), "verify", "Deploy " + BUILT + " is live, but the site does not answer. Next:"});
    }

    @ParameterizedTest
    @MethodSource("cases")
    void saysWhatTheSiteServesAndWhatToDoNext(Run run, String stoppedAt, String expected) {
        StepRecord where = run.step(stoppedAt).orElseThrow();
        String line = run.runbook().equals(SiteRestoreRunbook.NAME) ? new SiteOutcome(run).restoreFailed(where)
                : new SiteOutcome(run).rebuildFailed(where);
        assertTrue(line.contains(expected), "expected\n" + expected + "\nin\n" + line);
    }
}
