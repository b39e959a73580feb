package dev.lifeboat.restore;

import static dev.lifeboat.restore.RestoreWorld.ALICE;
import static dev.lifeboat.restore.RestoreWorld.BOB;
import static dev.lifeboat.restore.RestoreWorld.MALLORY;
import static dev.lifeboat.restore.RestoreWorld.PROD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.reply.Block;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /dr restore}: the card, every refused input, and the card's buttons, through the real command runner. */
class RestoreCommandTest {
    static final String USAGE = "\nUsage: /dr restore [BACKUP] [to staging|production]";
    RestoreWorld world = RestoreWorld.builder().build();

    static String runId(String answer) {
        Matcher m = Pattern.compile("r-[a-z2-9]{6}").matcher(answer);
        assertTrue(m.find(), answer);
        return m.group();
    }

    static List<Button> buttons(Reply reply) {
        return reply.blocks().stream().filter(b -> b instanceof Block.Actions).map(b -> ((Block.Actions) b).buttons())
                .findFirst().orElse(List.of());
    }

    @Test
    void theCardSaysWhatWillHappenAndNothingChangesBeforeAClick() {
        Reply card = world.reply(ALICE, "restore");
        String text = dev.lifeboat.reply.TextRenderer.render(card);
        String id = runId(text);

        assertEquals(Reply.Visibility.PRIVATE, card.visibility());
        assertEquals("Restore production (lifeboat-demo) from a012?", card.summary());
        String addon = world.demoHeroku.resolveDatabase(PROD).name();
        assertTrue(text.contains("Source a012 — Heroku backup of lifeboat-demo finished 2026-11-27 02:03 UTC · 90.00 MB"),
                text);
        assertTrue(text.contains("Target lifeboat-demo (production) database " + addon), text);
        assertTrue(text.contains("Lost everything written to lifeboat-demo since 2026-11-27 02:00 UTC (6 h 59 min ago)"),
                text);
        assertTrue(text.contains("First a safety backup of lifeboat-demo's database, with maintenance mode on"), text);
        assertTrue(text.contains("1. Preflight: the backup can be restored and lifeboat-demo's database is found\n"
                + "2. Maintenance mode on for lifeboat-demo\n3. Safety backup of lifeboat-demo's database\n"), text);
        assertEquals(List.of(
                new Button("Restore to staging first", "restore a012 to staging", Button.Style.PRIMARY),
                Button.typed("Restore production", "confirm " + id, Button.Style.DANGER, PROD),
                new Button("Cancel", "cancel " + id, Button.Style.DEFAULT)), buttons(card));
        Run proposed = world.store.find(id).orElseThrow();
        assertEquals(RunState.PROPOSED, proposed.state());
        assertEquals(Optional.of("1"), proposed.params().get("approvals"));
        assertEquals(Optional.of(PROD), proposed.params().get("typed"));
        assertEquals(List.of(), world.changes());
    }

    @Test
    void theRestoreProductionButtonRunsOnlyWithTheAppsNameTyped() {
        String id = runId(world.run(ALICE, "restore a011"));

        assertEquals("⛔ Not confirmed: Restore a011 into lifeboat-demo (production) replaces live data, so type "
                + "lifeboat-demo to confirm: /dr confirm " + id + " lifeboat-demo. Nothing was changed.",
                world.run(ALICE, "confirm " + id));
        assertEquals("⛔ Not confirmed: you typed lifeboat-dem, but confirming Restore a011 into lifeboat-demo "
                + "(production) needs exactly lifeboat-demo. Nothing was changed.",
                world.run(ALICE, "confirm " + id + " lifeboat-dem"));
        assertEquals(List.of(), world.changes());
        assertEquals(RunState.PROPOSED, world.store.find(id).orElseThrow().state());

        String started = world.run(ALICE, "confirm " + id + " lifeboat-demo");

        assertEquals("🚀 Run " + id + " started: Restore a011 into lifeboat-demo (production). Each step is reported as "
                + "it runs; /dr cancel " + id + " stops it at the next safe point.", started);
        assertEquals(RunState.SUCCEEDED, world.store.find(id).orElseThrow().state());
        assertEquals("⛔ Run " + id + " has already finished.", world.run(ALICE, "confirm " + id + " lifeboat-demo"));
        assertEquals(1, world.calls.count("backups.restore"));
    }

    @Test
    void onlyTheRequesterConfirms() {
        String id = runId(world.run(ALICE, "restore to staging"));

        assertEquals("⛔ Only U0ALICE, who asked for run " + id + ", can confirm it. Nothing was changed.",
                world.run(BOB, "confirm " + id));
        assertEquals(List.of(), world.changes());
    }

    @Test
    void restoreToStagingFirstProposesAStagingRunThatNeedsNoTypedName() {
        Reply production = world.reply(ALICE, "restore");
        Reply staging = world.reply(ALICE, buttons(production).get(0).command());
        String id = runId(dev.lifeboat.reply.TextRenderer.render(staging));

        assertEquals("Restore staging (lifeboat-demo-staging) from a012?", staging.summary());
        assertEquals(List.of(new Button("Restore staging", "confirm " + id, Button.Style.PRIMARY),
                new Button("Cancel", "cancel " + id, Button.Style.DEFAULT)), buttons(staging));
        assertFalse(world.store.find(id).orElseThrow().params().get("typed").isPresent());

        world.run(ALICE, "confirm " + id);

        assertEquals(RunState.SUCCEEDED, world.store.find(id).orElseThrow().state());
        assertEquals(0, world.calls.count("heroku."), "staging: no maintenance mode, no restart");
    }

    @Test
    void cancellingTheCardChangesNothingAndTheCardCannotBeConfirmedAfter() {
        String id = runId(world.run(ALICE, "restore"));

        assertEquals("✅ Cancelled run " + id + " (Restore a012 into lifeboat-demo (production)): nothing was changed.",
                world.run(ALICE, "cancel " + id));
        assertEquals("⛔ Run " + id + " was cancelled.", world.run(ALICE, "confirm " + id + " lifeboat-demo"));
        assertEquals(List.of(), world.changes());
    }

    @Test
    void anUnknownBackupIsRefusedWithTheReasonAndUsage() {
        assertEquals("There is no backup b999 of lifeboat-demo (/dr backups lists them)." + USAGE,
                world.run(ALICE, "restore b999"));
    }

    @Test
    void aBackupThatFailedIsRefused() {
        world.demoBackups.failNextCapture("pg_dump: error: connection to server was lost");
        world.demoBackups.capture(world.demoHeroku.resolveDatabase(PROD).id());
        world.clock.advance(Duration.ofMinutes(1));

        assertEquals("b013 cannot be restored: it did not succeed (Failed). Choose another (/dr backups lists them)."
                + USAGE, world.run(ALICE, "restore b013"));
    }

    @Test
    void aWordThatNamesNoBackupIsRefused() {
        assertEquals("yesterday is not a backup: give latest, a backup name like b012 or a034, s3:KEY for an offsite "
                + "copy, or an https:// URL of a dump." + USAGE, world.run(ALICE, "restore yesterday"));
        assertEquals("staging is not a backup; to choose where the restore goes, say to staging." + USAGE,
                world.run(ALICE, "restore staging"));
    }

    @Test
    void malformedUrlsAreRefused() {
        assertEquals("https:// is not a valid URL (Expected authority)." + USAGE, world.run(ALICE, "restore https://"));
        assertEquals("https://:443/b.dump is not a valid URL: it names no host." + USAGE,
                world.run(ALICE, "restore https://:443/b.dump"));
        assertEquals("Heroku fetches a dump only over https: give an https:// URL, not http://dumps.example.com/b.dump."
                + USAGE, world.run(ALICE, "restore http://dumps.example.com/b.dump"));
        String longUrl = "https://dumps.example.com/" + "d".repeat(600) + ".dump?X-Amz-Signature=abc";
        assertEquals("That URL is too long (631 characters before its query; at most 500)." + USAGE,
                world.run(ALICE, "restore " + longUrl));
    }

    @Test
    void offsiteKeysThatAreMissingOrEmptyAreRefused() {
        assertEquals("There is no offsite copy pg-backups/lifeboat-demo/a099.dump in s3://lifeboat-demo-backups "
                + "(/dr backups lists the copies)." + USAGE, world.run(ALICE, "restore s3:a099.dump"));
        assertEquals("s3: needs the copy's key, e.g. s3:pg-backups/lifeboat-demo/a012.dump (/dr backups lists the "
                + "copies)." + USAGE, world.run(ALICE, "restore s3:"));
        RestoreWorld noS3 = RestoreWorld.builder().noOffsite().build();
        assertEquals("Offsite copies are not configured here (set LIFEBOAT_BACKUP_BUCKET), so s3:a012.dump cannot be "
                + "read." + USAGE, noS3.run(ALICE, "restore s3:a012.dump"));
    }

    @Test
    void toNowhereIsRefused() {
        assertEquals("nowhere is not a place to restore to: say to staging or to production." + USAGE,
                world.run(ALICE, "restore latest to nowhere"));
        assertEquals("Say where to: to staging or to production." + USAGE, world.run(ALICE, "restore b012 to"));
        assertEquals("Too many words: nothing may follow to staging." + USAGE,
                world.run(ALICE, "restore b012 to staging now"));
    }

    @Test
    void stagingWithoutAStagingAppIsRefused() {
        RestoreWorld noStaging = RestoreWorld.builder().noStaging().build();

        assertEquals("There is no staging app to restore into: set HEROKU_STAGING_APP to the staging app's name. "
                + "(Production stays untouched.)" + USAGE, noStaging.run(ALICE, "restore to staging"));
        Reply card = noStaging.reply(ALICE, "restore");
        assertFalse(buttons(card).stream().anyMatch(b -> b.label().contains("staging")), "no staging button");
    }

    @Test
    void aSecondRestoreWhileOneRunsIsRefusedNamingTheRun() {
        String first = runId(world.run(ALICE, "restore"));
        AtomicReference<String> second = new AtomicReference<>();
        world.onWait = w -> {
            if (second.get() == null && w.store.find(first).orElseThrow().current()
                    .map(s -> s.id().equals("wait")).orElse(false)) {
                second.set(w.run(BOB, "restore b011"));
            }
        };

        world.run(ALICE, "confirm " + first + " " + PROD);

        assertEquals("⛔ Run " + first + " (Restore a012 into lifeboat-demo (production), requested by U0ALICE) is "
                + "already working on lifeboat-demo's database: now at Wait for the restore of a012. One restore at a "
                + "time: wait for it to end, or stop it with /dr cancel " + first + ".", second.get());
        assertEquals(1, world.calls.count("backups.restore"));
    }

    @Test
    void aSignedUrlIsShownWithoutItsSignatureAndOnlyHerokuGetsIt() {
        Reply card = world.reply(ALICE, "restore https://dumps.example.com/prod/x.dump?X-Amz-Signature=abc123");
        String text = dev.lifeboat.reply.TextRenderer.render(card);
        String id = runId(text);

        assertTrue(text.contains("https://dumps.example.com/prod/x.dump?… — a dump at a URL"), text);
        assertTrue(text.contains("Lost everything written to lifeboat-demo since the dump was made (its age is not known)"),
                text);
        assertFalse(text.contains("abc123"), text);
        assertFalse(world.store.find(id).orElseThrow().toString().contains("abc123"), "not kept with the run");

        world.run(ALICE, "confirm " + id + " " + PROD);

        Run done = world.store.find(id).orElseThrow();
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertEquals("https://dumps.example.com/prod/x.dump?X-Amz-Signature=abc123",
                world.backups.lastRestoreUrl().toString());
        assertFalse(done.toString().contains("abc123"));
        assertTrue(done.outcome().contains("RPO unknown (the age of a dump at a URL cannot be told)"), done.outcome());
    }

    @Test
    void onlyOperatorsMayAskForARestore() {
        String answer = world.run(MALLORY, "restore");

        assertTrue(answer.startsWith("⛔ restore changes things, so only operators may run it"), answer);
        assertEquals(List.of(), world.store.recent(5));
    }

    @Test
    void aCardIsProposedWithTheConfiguredApprovals() {
        RestoreWorld two = RestoreWorld.builder().approvals(2).build();
        String text = two.run(ALICE, "restore");

        assertTrue(text.contains("After you confirm, a second operator must approve it: /dr approve " + runId(text)),
                text);
        assertEquals(Map.of("approvals", "2").get("approvals"),
                two.store.find(runId(text)).orElseThrow().params().get("approvals").orElseThrow());
    }
}
