package dev.lifeboat.demo;

import dev.lifeboat.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.http.Failure;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.pgbackups.PgBackupsException;
import dev.lifeboat.pgbackups.PublicUrl;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.pgbackups.TransferPoller;
import dev.lifeboat.pgbackups.TransferProgress;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulated backups API: daily backups, a capture that finishes, a restore that reports progress. */
class DemoPgBackupsTest {
    private static final String APP = "lifeboat-demo";
    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-15T07:00:00Z"));
    private final DemoHeroku heroku = new DemoHeroku(clock);
    private final DemoPgBackups backups = new DemoPgBackups(clock);
    private final String addonId = heroku.postgresAddon(APP).orElseThrow().id();
    /** Waiting between polls moves the simulated time instead of the real one. */
    private final TransferPoller poller = new TransferPoller(backups, TransferPoller.MIN_INTERVAL, clock::advance);

    @Test
    void twelveDailyScheduledBackupsExist() {
        List<Transfer> transfers = backups.transfers(APP);

        assertEquals(12, transfers.size());
        assertEquals("a001", transfers.get(0).name());
        assertEquals("a012", transfers.get(11).name());
        assertTrue(transfers.stream().allMatch(t -> t.status() == TransferStatus.COMPLETED));
        assertEquals(Instant.parse("2024-05-15T02:00:00Z"), transfers.get(11).createdAt(), "this morning's");
        assertEquals("a012", Transfers.latestSucceededBackup(transfers).orElseThrow().name());
    }

    @Test
    void aCaptureProgressesThenCompletes() {
        Transfer started = backups.capture(addonId);
        assertEquals("b013", started.name());
        assertEquals(TransferStatus.PENDING, started.status());

        clock.advance(DemoPgBackups.START_DELAY.plusSeconds(2));
        Transfer early = backups.transfer(APP, started.uuid());
        clock.advance(Duration.ofSeconds(3));
        Transfer later = backups.transfer(APP, "13");
        clock.advance(DemoPgBackups.CAPTURE_TIME);
        Transfer done = backups.transfer(APP, started.uuid());

        assertEquals(TransferStatus.RUNNING, early.status());
        assertTrue(early.processedBytes() > 0);
        assertTrue(later.processedBytes() > early.processedBytes());
        assertEquals(TransferStatus.COMPLETED, done.status());
        assertTrue(done.processedBytes() > later.processedBytes());
        assertEquals(TransferKind.BACKUP, done.kind());
        assertEquals(13, backups.transfers(APP).size());
    }

    @Test
    void aCaptureFollowedByThePollerFinishesWithinAFewSimulatedSeconds() throws Exception {
        Instant start = clock.instant();
        Transfer started = backups.capture(addonId);

        Transfer done = poller.await(APP, started.uuid(), p -> { });

        assertEquals(TransferStatus.COMPLETED, done.status());
        Duration took = Duration.between(start, clock.instant());
        assertTrue(took.compareTo(Duration.ofSeconds(15)) <= 0, took.toString());
    }

    @Test
    void aRestoreReportsGrowingProgressToTheEnd() throws Exception {
        Transfer backup = Transfers.latestSucceededBackup(backups.transfers(APP)).orElseThrow();
        Transfer restore = backups.restore(addonId, URI.create(backup.toUrl()));
        assertEquals("r013", restore.name());
        List<TransferProgress> progress = new ArrayList<>();

        Transfer done = poller.await(heroku.app(APP).id(), restore.uuid(), progress::add);

        assertEquals(TransferStatus.COMPLETED, done.status());
        assertEquals(TransferKind.RESTORE, done.kind());
        assertEquals(backup.processedBytes(), done.processedBytes(), "a restore writes the whole dump");
        List<Long> bytes = progress.stream().map(TransferProgress::processedBytes).toList();
        assertTrue(bytes.size() >= 4, bytes.toString());
        for (int i = 1; i < bytes.size(); i++) {
            assertTrue(bytes.get(i) > bytes.get(i - 1), bytes.toString());
        }
        assertEquals(100, progress.get(progress.size() - 1).percent().orElseThrow());
    }

    @Test
    void aFailedRestoreSaysWhyInItsLogs() throws Exception {
        backups.failNextTransfer("pg_restore: error: could not execute query: ERROR:  out of shared memory");
        Transfer restore = backups.restore(addonId, URI.create("https://offsite.example/b012.dump?X-Amz-Signature=x"));

        Transfer failed = poller.await(APP, restore.uuid(), p -> { });

        assertEquals(TransferStatus.FAILED, failed.status());
        assertTrue(failed.lastLogMessages(2).contains("out of shared memory"), failed.lastLogMessages(5));
        // Only the next one fails.
        Transfer next = poller.await(APP, backups.capture(addonId).uuid(), p -> { });
        assertEquals(TransferStatus.COMPLETED, next.status());
    }

    @Test
    void aRunningCaptureCanBeCanceled() {
        Transfer started = backups.capture(addonId);
        clock.advance(Duration.ofSeconds(3));

        backups.cancel(APP, started.uuid());
        clock.advance(Duration.ofSeconds(30));

        Transfer canceled = backups.transfer(APP, started.uuid());
        assertEquals(TransferStatus.CANCELED, canceled.status());
        PgBackupsException e = assertThrows(PgBackupsException.class, () -> backups.cancel(APP, started.uuid()));
        assertEquals(Failure.REJECTED, e.failure());
    }

    @Test
    void aCompletedBackupHasASignedDownloadUrlThatPrintsRedacted() {
        PublicUrl url = backups.publicUrl(APP, 12);

        assertTrue(url.uri().getQuery().contains("X-Amz-Signature="));
        assertFalse(url.toString().contains("X-Amz-Signature"), url.toString());
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), url.expiresAt());
        assertEquals(1, backups.schedules(addonId).size());
    }

    @Test
    void anUnknownAddonIsNotFound() {
        PgBackupsException e = assertThrows(PgBackupsException.class, () -> backups.capture("no-such-addon"));
        assertEquals(Failure.NOT_FOUND, e.failure());
    }

    @Test
    void theDemoModulesBindTheSimulatorsAsTheCapabilities() {
        HerokuSettings settings = new HerokuSettings(Optional.of(new Secret("x")), Optional.empty(), Optional.empty(),
                URI.create("https://api.heroku.com"), URI.create("https://api.data.heroku.com"),
                URI.create("https://status.heroku.com"), Optional.empty(), "/");
        Injector injector = Guice.createInjector(new DemoHerokuModule(), new DemoPgBackupsModule(), binder -> {
            binder.bind(Clock.class).toInstance(clock);
            binder.bind(HerokuSettings.class).toInstance(settings);
        });

        assertSame(injector.getInstance(DemoHeroku.class), injector.getInstance(HerokuPlatform.class));
        assertSame(injector.getInstance(DemoPgBackups.class), injector.getInstance(PgBackups.class));
        PostgresAddon addon = injector.getInstance(HerokuPlatform.class).postgresAddon(APP).orElseThrow();
        Transfer capture = injector.getInstance(PgBackups.class).capture(addon.id());
        assertEquals("b013", capture.name());
    }
}
