package dev.lifeboat.restore;

import static dev.lifeboat.restore.RestoreWorld.ALICE;
import static dev.lifeboat.restore.RestoreWorld.PROD;
import static dev.lifeboat.restore.RestoreWorld.STAGING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.StepRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /dr drill}: the newest backup and the newest offsite copy into staging, production never touched. */
class DrillTest {
    static final String USAGE = "\nUsage: /dr drill";

    @Test
    void theDrillRestoresTheNewestBackupAndOffsiteCopyIntoStagingAndReportsRtoAndRpo() {
        RestoreWorld world = RestoreWorld.builder().build();
        Reply card = world.reply(ALICE, "drill");
        String id = RestoreCommandTest.runId(TextRenderer.render(card));
        assertEquals("Restore drill into staging (lifeboat-demo-staging)?", card.summary());
        assertEquals(List.of(new Button("Start the drill", "confirm " + id, Button.Style.PRIMARY),
                new Button("Cancel", "cancel " + id, Button.Style.DEFAULT)), RestoreCommandTest.buttons(card));
        assertEquals(List.of(), world.changes());

        world.run(ALICE, "confirm " + id);

        Run done = world.store.find(id).orElseThrow();
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        String staging = world.demoHeroku.resolveDatabase(STAGING).id();
        assertEquals(List.of("backups.capture " + staging,
                "backups.restore " + staging + " from demo-backups.lifeboat-demo.invalid/"
                        + world.demoHeroku.resolveDatabase(PROD).id() + "/2026-11-27/"
                        + world.demoBackups.transfer(PROD, "12").uuid(),
                "backups.restore " + staging + " from demo-offsite.lifeboat.invalid/lifeboat-demo-backups/"
                        + "pg-backups/lifeboat-demo/a012.dump"), world.changes());
        assertEquals(List.of("preflight", "safety-backup", "restore", "wait", "validate", "restore-offsite",
                "wait-offsite", "validate-offsite"), done.steps().stream().map(StepRecord::id).toList());
        assertEquals("Drill passed: a012 restored (not validated: no LIFEBOAT_VALIDATION_SQL checks) in 24 s (RTO); "
                + "RPO 6 h 59 min (data written after 2026-11-27 02:00 UTC is not in the restored database). Offsite "
                + "copy s3:pg-backups/lifeboat-demo/a012.dump restored (not validated: no LIFEBOAT_VALIDATION_SQL "
                + "checks) in 15 s (RTO); RPO 6 h 59 min (data written after 2026-11-27 02:00 UTC is not in the "
                + "restored database). Production was not touched.", done.outcome());
    }

    @Test
    void withoutS3TheDrillRestoresTheBackupAloneAndSaysSo() {
        RestoreWorld world = RestoreWorld.builder().noOffsite().build();
        String card = world.run(ALICE, "drill");
        assertTrue(card.contains("Offsite copy not drilled: S3 is not configured"), card);

        world.run(ALICE, "confirm " + RestoreCommandTest.runId(card));

        Run done = world.newest();
        assertEquals(RunState.SUCCEEDED, done.state());
        assertEquals(1, world.calls.count("backups.restore"));
        assertTrue(done.outcome().endsWith("No offsite copy was drilled (S3 is not configured, or it holds no copy). "
                + "Production was not touched."), done.outcome());
    }

    @Test
    void aFailedDrillSaysProductionWasNotTouched() {
        RestoreWorld world = RestoreWorld.builder().noOffsite().build();
        world.demoBackups.failNextRestore("ERROR:  could not extend file");
        String id = RestoreCommandTest.runId(world.run(ALICE, "drill"));

        world.run(ALICE, "confirm " + id);

        Run done = world.store.find(id).orElseThrow();
        assertEquals(RunState.FAILED, done.state());
        assertEquals("The drill did not pass. Production was not touched; lifeboat-demo-staging's database may be "
                + "partly restored (its safety backup b013 holds what it had). Next: see why above, then run "
                + "`/dr drill` again.", done.outcome());
        assertFalse(world.changes().stream().anyMatch(c -> c.contains(world.demoHeroku.resolveDatabase(PROD).id())
                && !c.contains(" from ")), world.changes().toString());
    }

    @Test
    void theDrillNeedsAStagingAppAndTakesNoArguments() {
        RestoreWorld noStaging = RestoreWorld.builder().noStaging().build();

        assertEquals("The drill restores into staging, and there is no staging app: set HEROKU_STAGING_APP to its name."
                + USAGE, noStaging.run(ALICE, "drill"));
        assertEquals("drill takes no arguments: it always restores the newest backup into staging." + USAGE,
                noStaging.run(ALICE, "drill production"));
    }
}
