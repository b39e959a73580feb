package dev.lifeboat.pgbackups;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.APP;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.APP_ID;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.CAPTURE_UUID;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.RESTORE_UUID;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Following a transfer to its end: progress on the way, logs when it fails. */
class TransferPollerTest {
    @RegisterExtension
    static WireMockExtension data = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Duration> pauses = new ArrayList<>();
    private final TransferPoller.Sleeper recording = pauses::add;

    /** Answers each plain read of the path with the next fixture; the last one repeats. */
    private static void answerInTurn(String pathRegex, String... fixtures) {
        String state = STARTED;
        for (int i = 0; i < fixtures.length; i++) {
            String next = i == fixtures.length - 1 ? state : "read " + (i + 2);
            data.stubFor(get(urlPathMatching(pathRegex)).withQueryParam("verbose", absent()).inScenario("transfer").whenScenarioStateIs(state)
                    .willReturn(okJson(fixture(fixtures[i]))).willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void aCaptureIsFollowedFromPendingThroughRunningToSucceeded() throws Exception {
        // The CLI polls a capture under the app's name; accept its id too.
        answerInTurn("/client/v11/apps/(" + APP + "|" + APP_ID + ")/transfers/" + CAPTURE_UUID,
                "capture-pending.json", "capture-running-1.json", "capture-running-2.json", "capture-running-2.json",
                "capture-finished.json");
        TransferPoller poller = new TransferPoller(PgBackupsTestSupport.client(data.baseUrl()),
                TransferPoller.MIN_INTERVAL, recording);
        List<TransferProgress> progress = new ArrayList<>();

        Transfer done = poller.await(APP, CAPTURE_UUID, progress::add);

        assertEquals(TransferStatus.COMPLETED, done.status());
        assertEquals("b057", done.name());
        assertEquals(List.of(
                new TransferProgress("b057", TransferKind.BACKUP, TransferStatus.PENDING, 0, OptionalLong.empty(), OptionalInt.empty()),
                new TransferProgress("b057", TransferKind.BACKUP, TransferStatus.RUNNING, 13107200, OptionalLong.of(119013376), OptionalInt.of(11)),
                new TransferProgress("b057", TransferKind.BACKUP, TransferStatus.RUNNING, 30408704, OptionalLong.of(119013376), OptionalInt.of(25)),
                new TransferProgress("b057", TransferKind.BACKUP, TransferStatus.COMPLETED, 43802112, OptionalLong.of(119013376), OptionalInt.of(36))),
                progress, "an unchanged read is not reported twice");
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3)), pauses);
        data.verify(5, getRequestedFor(urlPathEqualTo("/client/v11/apps/" + APP + "/transfers/" + CAPTURE_UUID)));
        data.verify(0, getRequestedFor(urlPathMatching(".*")).withQueryParam("verbose",
                equalTo("true")));
    }

    @Test
    void aFailedRestoreIsReadAgainWithItsLogs() throws Exception {
        String path = "/client/v11/apps/" + APP_ID + "/transfers/" + RESTORE_UUID;
        answerInTurn(path, "restore-pending.json", "restore-running.json", "restore-failed.json");
        data.stubFor(get(urlPathEqualTo(path)).withQueryParam("verbose", equalTo("true"))
                .willReturn(okJson(fixture("restore-failed-verbose.json"))));
        TransferPoller poller = new TransferPoller(PgBackupsTestSupport.client(data.baseUrl()), Duration.ZERO, recording);
        List<TransferProgress> progress = new ArrayList<>();

        Transfer failed = poller.await(APP_ID, RESTORE_UUID, progress::add);

        assertEquals(TransferStatus.FAILED, failed.status());
        assertEquals("r058", failed.name());
        assertEquals(5, failed.logs().size());
        assertEquals("pg_restore: error: could not execute query: ERROR:  out of shared memory\n"
                + "HINT:  You might need to increase max_locks_per_transaction.\n"
                + "pg_restore exited with status 1", failed.lastLogMessages(3));
        assertEquals(List.of(TransferStatus.PENDING, TransferStatus.RUNNING, TransferStatus.FAILED),
                progress.stream().map(TransferProgress::status).toList());
        assertEquals(8388608, progress.get(1).processedBytes());
        data.verify(1, getRequestedFor(urlPathEqualTo(path)).withQueryParam("verbose",
                equalTo("true")));
    }

    @Test
    void inProductionItWaitsAtLeastThreeSecondsBetweenReads() {
        TransferPoller poller = new TransferPoller(new ScriptedBackups());

        assertTrue(poller.interval().compareTo(Duration.ofSeconds(3)) >= 0, poller.interval().toString());
    }

    @Test
    void aBlipWhileReadingIsRiddenOut() throws Exception {
        ScriptedBackups backups = new ScriptedBackups();
        backups.next(() -> transfer("capture-running-1.json"));
        backups.next(() -> {
            throw new PgBackupsException(Failure.SERVER_ERROR, 503, null, "blip");
        });
        backups.next(() -> {
            throw new PgBackupsException(Failure.RATE_LIMITED, 429, Duration.ofSeconds(20), "slow down");
        });
        backups.next(() -> transfer("capture-finished.json"));

        Transfer done = new TransferPoller(backups, Duration.ofSeconds(3), recording).await(APP, "57", p -> { });

        assertEquals(TransferStatus.COMPLETED, done.status());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(20)), pauses);
    }

    @Test
    void aMissingTransferStopsAtOnce() {
        ScriptedBackups backups = new ScriptedBackups();
        PgBackupsException gone = new PgBackupsException(Failure.NOT_FOUND, 404, null, "no such transfer");
        backups.next(() -> {
            throw gone;
        });

        PgBackupsException thrown = assertThrows(PgBackupsException.class,
                () -> new TransferPoller(backups, Duration.ZERO, recording).await(APP, "57", p -> { }));

        assertSame(gone, thrown);
        assertEquals(List.of(), pauses);
    }

    @Test
    void aLongOutageGivesUpAfterManyFailedReads() {
        ScriptedBackups backups = new ScriptedBackups();
        for (int i = 0; i < TransferPoller.MAX_CONSECUTIVE_ERRORS; i++) {
            backups.next(() -> {
                throw new PgBackupsException(Failure.TIMEOUT, 0, null, "timeout");
            });
        }

        PgBackupsException thrown = assertThrows(PgBackupsException.class,
                () -> new TransferPoller(backups, Duration.ZERO, recording).await(APP, "57", p -> { }));

        assertEquals(Failure.TIMEOUT, thrown.failure());
        assertEquals(TransferPoller.MAX_CONSECUTIVE_ERRORS - 1, pauses.size());
    }

    @Test
    void anInterruptStopsWaitingAndLeavesTheTransferAlone() {
        ScriptedBackups backups = new ScriptedBackups();
        backups.next(() -> transfer("capture-running-1.json"));
        TransferPoller poller = new TransferPoller(backups, Duration.ofSeconds(3), duration -> {
            throw new InterruptedException("shutting down");
        });

        assertThrows(InterruptedException.class, () -> poller.await(APP, "57", p -> { }));
        assertEquals(0, backups.cancels);
    }

    private static Transfer transfer(String fixture) {
        try {
            return Json.newMapper().readValue(fixture(fixture), Transfer.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hand-written fake whose reads answer from a script. */
    private static final class ScriptedBackups implements PgBackups {
        private final Deque<Supplier<Transfer>> reads = new ArrayDeque<>();
        int cancels;

        void next(Supplier<Transfer> read) {
            reads.add(read);
        }

        @Override
        public Transfer transfer(String app, String numOrUuid) {
            return reads.remove().get();
        }

        @Override
        public Transfer transferWithLogs(String app, String numOrUuid) {
            return reads.remove().get();
        }

        @Override
        public List<Transfer> transfers(String app) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Transfer capture(String addonId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Transfer restore(String addonId, URI backupUrl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PublicUrl publicUrl(String app, long num) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TransferSchedule> schedules(String addonId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(String app, String transferUuid) {
            cancels++;
        }
    }
}
