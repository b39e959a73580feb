package dev.lifeboat.demo;

import dev.lifeboat.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lifeboat.http.Failure;
import dev.lifeboat.s3.GeneratedStream;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.s3.OffsiteStore;
import dev.lifeboat.s3.PresignedDownload;
import dev.lifeboat.s3.S3StoreException;
import dev.lifeboat.s3.UploadRequest;
import dev.lifeboat.s3.UploadResult;
import dev.lifeboat.s3.UploadSourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DemoS3Test {
    private static final Instant NOW = Instant.parse("2025-06-14T09:30:00Z");
    private static final String PREFIX = DemoS3.SEED_PREFIX;

    private final ManualClock clock = new ManualClock(NOW);
    private final DemoS3 store = new DemoS3(clock);

    @Test
    void seededCopiesAreTwelveNightliesNewestFirst() {
        List<OffsiteCopy> copies = store.list(PREFIX);

        assertEquals(12, copies.size());
        assertEquals(PREFIX + "a012.dump", copies.get(0).key());
        assertEquals(PREFIX + "a001.dump", copies.get(11).key());
        assertEquals(Instant.parse("2025-06-14T02:17:00Z").plusSeconds(12 * 37 % 300), copies.get(0).lastModified());
        for (int i = 1; i < copies.size(); i++) {
            Duration gap = Duration.between(copies.get(i).lastModified(), copies.get(i - 1).lastModified());
            assertTrue(gap.compareTo(Duration.ofHours(23)) > 0 && gap.compareTo(Duration.ofHours(25)) < 0, gap::toString);
        }
        for (int n = 1; n <= 12; n++) {
            assertEquals(DemoIds.nightlyDumpBytes(n), copies.get(12 - n).size(), "the copy's size is its backup's dump size");
        }
    }

    @Test
    void beforeTonightsBackupTheNewestCopyIsYesterdays() {
        DemoS3 early = new DemoS3(Clock.fixed(Instant.parse("2025-06-14T01:00:00Z"), ZoneOffset.UTC));

        assertTrue(early.list(PREFIX).get(0).lastModified().isBefore(Instant.parse("2025-06-14T00:00:00Z")));
    }

    @Test
    void uploadThenListShowsTheCopyFirstWithItsChecksum() throws Exception {
        clock.set(NOW.plus(Duration.ofHours(1)));
        List<Long> progress = new ArrayList<>();

        UploadResult result = store.upload(UploadRequest.of(PREFIX + "a013.dump", new GeneratedStream(9, 20_000_000))
                .withSourceBackup("a013").withProgress(progress::add));

        assertEquals(GeneratedStream.sha256(9, 20_000_000), result.sha256());
        OffsiteCopy newest = store.list(PREFIX).get(0);
        assertEquals(PREFIX + "a013.dump", newest.key());
        assertEquals(20_000_000, newest.size());
        assertEquals(NOW.plus(Duration.ofHours(1)), newest.lastModified());
        assertEquals(Optional.of(result.sha256()), store.head(PREFIX + "a013.dump").metadata().orElseThrow().sha256());
        assertEquals(20_000_000L, progress.get(progress.size() - 1));
    }

    @Test
    void failingSourceStoresNothing() {
        UploadSourceException e = assertThrows(UploadSourceException.class, () -> store.upload(UploadRequest.of(
                PREFIX + "broken.dump", GeneratedStream.failingAfter(1, 30_000_000, 10_000_000))));

        assertEquals(10_000_000, e.bytesRead());
        assertEquals(Failure.NOT_FOUND, assertThrows(S3StoreException.class,
                () -> store.head(PREFIX + "broken.dump")).failure());
    }

    @Test
    void deleteRemovesASeededCopy() {
        store.delete(PREFIX + "a001.dump");

        assertEquals(11, store.list(PREFIX).size());
        assertFalse(store.list(PREFIX).stream().anyMatch(c -> c.key().endsWith("a001.dump")));
    }

    @Test
    void presignedDemoUrlHidesItsSignatureWhenPrinted() {
        PresignedDownload url = store.presignGet(PREFIX + "a012.dump");

        assertTrue(url.revealUrl().getRawQuery().contains("X-Amz-Signature="));
        assertFalse(url.toString().contains("X-Amz-Signature"), url.toString());
        assertEquals(NOW.plus(Duration.ofHours(1)), url.expiresAt());
    }

    @Test
    void concurrentUploadsAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<UploadResult>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String key = "pg-backups/concurrent/c" + i + ".dump";
                int seed = i;
                results.add(pool.submit(() -> store.upload(UploadRequest.of(key, new GeneratedStream(seed, 10_000)))));
            }
            for (Future<UploadResult> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(40, store.list("pg-backups/concurrent/").size());
    }

    @Test
    void moduleBindsTheDemoAsTheOffsiteStore() {
        Injector injector = Guice.createInjector(new DemoS3Module(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(clock);
            }
        });

        OffsiteStore bound = injector.getInstance(OffsiteStore.class);

        assertSame(bound, injector.getInstance(DemoS3.class));
        assertEquals(12, bound.list(PREFIX).size());
    }

    /** A clock tests move by hand. */
    private static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
