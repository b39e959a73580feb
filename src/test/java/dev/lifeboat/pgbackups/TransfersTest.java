package dev.lifeboat.pgbackups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.http.Json;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Classification, naming, status and lookups, on the partial shapes the CLI's own tests use. */
class TransfersTest {
    private final ObjectMapper json = Json.newMapper();

    private Transfer parse(String body) throws Exception {
        return json.readValue(body, Transfer.class);
    }

    @Test
    void aBackupIsPgDumpToGof3rAndNamedB() throws Exception {
        Transfer t = parse("{\"num\": 3, \"from_type\": \"pg_dump\", \"to_type\": \"gof3r\"}");
        assertEquals(TransferKind.BACKUP, t.kind());
        assertEquals("b003", t.name());
    }

    @Test
    void aScheduledBackupIsNamedA() throws Exception {
        Transfer t = parse("{\"num\": 10, \"from_type\": \"pg_dump\", \"to_type\": \"gof3r\", "
                + "\"schedule\": {\"uuid\": \"5e5d5bc9-6aed-4ede-81b5-edf9341ee6d2\"}}");
        assertEquals("a010", t.name());
    }

    @Test
    void aRestoreIsAnythingButPgDumpIntoPgRestoreAndNamedR() throws Exception {
        Transfer t = parse("{\"num\": 3, \"to_name\": \"IVORY\", \"to_type\": \"pg_restore\"}");
        assertEquals(TransferKind.RESTORE, t.kind());
        assertEquals("r003", t.name());
        Transfer fromUrl = parse("{\"num\": 7, \"from_type\": \"htcat\", \"to_type\": \"pg_restore\"}");
        assertEquals("r007", fromUrl.name());
    }

    @Test
    void aCopyIsPgDumpIntoPgRestoreAndNamedC() throws Exception {
        Transfer t = parse("{\"num\": 3, \"from_type\": \"pg_dump\", \"to_type\": \"pg_restore\", "
                + "\"schedule\": {\"uuid\": \"x\"}}");
        assertEquals(TransferKind.COPY, t.kind());
        assertEquals("c003", t.name());
    }

    @Test
    void numbersPastThreeDigitsAreNotCut() throws Exception {
        assertEquals("b1234", parse("{\"num\": 1234, \"from_type\": \"pg_dump\", \"to_type\": \"gof3r\"}").name());
    }

    @Test
    void statusFollowsTheTimestampsThenSucceeded() throws Exception {
        String at = "\"2016-10-08 00:43:00 +0000\"";
        assertEquals("Completed with 2 warnings", parse("{\"finished_at\": " + at + ", \"succeeded\": true, \"warnings\": 2}").statusText());
        assertEquals("Completed with 1 warning", parse("{\"finished_at\": " + at + ", \"succeeded\": true, \"warnings\": 1}").statusText());
        assertEquals("Completed", parse("{\"finished_at\": " + at + ", \"succeeded\": true, \"warnings\": 0}").statusText());
        assertEquals("Failed", parse("{\"finished_at\": " + at + "}").statusText());
        assertEquals("Canceled", parse("{\"finished_at\": " + at + ", \"canceled_at\": " + at + "}").statusText());
        assertEquals("Running (processed 1.40 KB)", parse("{\"started_at\": " + at + ", \"processed_bytes\": 1437}").statusText());
        assertEquals("Pending", parse("{\"created_at\": " + at + "}").statusText());
    }

    @Test
    void aCancelIsShownAtOnceButTheTransferHasStoppedOnlyWhenFinished() throws Exception {
        Transfer stopping = parse("{\"started_at\": \"2024-05-15 07:00:00 +0000\", \"canceled_at\": \"2024-05-15 07:00:09 +0000\"}");
        assertEquals(TransferStatus.CANCELED, stopping.status());
        assertEquals(false, stopping.isFinished());
        Transfer stopped = parse("{\"canceled_at\": \"2024-05-15 07:00:09 +0000\", \"finished_at\": \"2024-05-15 07:00:10 +0000\"}");
        assertEquals(true, stopped.isFinished());
        assertEquals(List.of(), Transfers.newestInProgress(List.of(stopped)).stream().toList());
        assertEquals(stopping, Transfers.newestInProgress(List.of(stopped, stopping)).orElseThrow());
    }

    @Test
    void percentIsOfSourceBytesWhenKnown() throws Exception {
        assertEquals(OptionalInt.of(25), parse("{\"processed_bytes\": 250, \"source_bytes\": 1000}").percentDone());
        assertEquals(OptionalInt.of(100), parse("{\"processed_bytes\": 1200, \"source_bytes\": 1000}").percentDone());
        assertEquals(OptionalInt.empty(), parse("{\"processed_bytes\": 250}").percentDone());
        assertEquals(OptionalInt.empty(), parse("{\"processed_bytes\": 250, \"source_bytes\": 0}").percentDone());
    }

    @Test
    void parseNumReadsCliNames() {
        assertEquals(OptionalLong.of(12), Transfers.parseNum("b012"));
        assertEquals(OptionalLong.of(34), Transfers.parseNum("a034"));
        assertEquals(OptionalLong.of(5), Transfers.parseNum("r005"));
        assertEquals(OptionalLong.of(3), Transfers.parseNum("C003"));
        assertEquals(OptionalLong.of(1234), Transfers.parseNum("b1234"));
        assertEquals(OptionalLong.of(12), Transfers.parseNum(" 12 "));
    }

    @Test
    void parseNumRefusesOtherText() {
        for (String bad : new String[] {"latest", "x012", "b", "b-12", "ob012", "", "b0123456789012345678901"}) {
            assertEquals(OptionalLong.empty(), Transfers.parseNum(bad), bad);
        }
        assertEquals(OptionalLong.empty(), Transfers.parseNum(null));
    }

    @Test
    void byNameMatchesLetterAndNumber() throws Exception {
        List<Transfer> list = List.of(
                parse("{\"num\": 12, \"from_type\": \"pg_dump\", \"to_type\": \"gof3r\"}"),
                parse("{\"num\": 13, \"to_type\": \"pg_restore\"}"));
        assertEquals(12, Transfers.byName(list, "b012").orElseThrow().num());
        assertEquals(13, Transfers.byName(list, "R013").orElseThrow().num());
        assertEquals(false, Transfers.byName(list, "b013").isPresent());
    }

    @Test
    void latestSucceededBackupIsTheNewestCompletedBackup() throws Exception {
        List<Transfer> list = List.of(
                parse("{\"num\": 1, \"from_type\": \"pg_dump\", \"to_type\": \"gof3r\", \"succeeded\": true, \"finished_at\": \"2024-05-13 02:03:00 +0000\"}"),
                parse("{\"num\": 2, \"from_type\": \"pg_dump\", \"to_type\": \"gof3r\", \"succeeded\": true, \"finished_at\": \"2024-05-14 02:03:00 +0000\"}"),
                parse("{\"num\": 3, \"from_type\": \"pg_dump\", \"to_type\": \"gof3r\", \"succeeded\": false, \"finished_at\": \"2024-05-15 02:03:00 +0000\"}"),
                parse("{\"num\": 4, \"to_type\": \"pg_restore\", \"succeeded\": true, \"finished_at\": \"2024-05-15 03:00:00 +0000\"}"));
        Transfer latest = Transfers.latestSucceededBackup(list).orElseThrow();
        assertEquals(2, latest.num());
        assertEquals(Instant.parse("2024-05-14T02:03:00Z"), latest.finishedAt());
    }

    @Test
    void humanBytesUsesPowersOf1024() {
        assertEquals("512 B", Transfers.humanBytes(512));
        assertEquals("1.40 KB", Transfers.humanBytes(1437));
        assertEquals("113.50 MB", Transfers.humanBytes(119013376));
        assertEquals("2.00 GB", Transfers.humanBytes(2L * 1024 * 1024 * 1024));
    }
}
