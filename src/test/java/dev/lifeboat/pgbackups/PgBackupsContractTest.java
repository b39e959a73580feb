package dev.lifeboat.pgbackups;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.ACCEPT;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.ADDON_ID;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.APP;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.APP_ID;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.CAPTURE_UUID;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.TOKEN;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.lifeboat.http.Failure;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each data API call against recorded response shapes: the request sent, and what it parses into. */
class PgBackupsContractTest {
    private static final String TRANSFERS = "/client/v11/apps/" + APP + "/transfers";

    @RegisterExtension
    static WireMockExtension data = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private PgBackups backups;

    @BeforeEach
    void setUp() {
        backups = PgBackupsTestSupport.client(data.baseUrl());
    }

    private static RequestPatternBuilder authed(RequestPatternBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + TOKEN)).withHeader("Accept", equalTo(ACCEPT));
    }

    @Test
    void transfersAreListedClassifiedAndNamedLikeTheCli() {
        data.stubFor(get(TRANSFERS).willReturn(okJson(fixture("transfers.json"))));

        List<Transfer> transfers = backups.transfers(APP);

        data.verify(1, authed(getRequestedFor(urlPathEqualTo(TRANSFERS))));
        assertEquals(List.of("a048", "a049", "b050", "c051", "r052", "a053", "b054", "b055", "b056"),
                transfers.stream().map(Transfer::name).toList());
        assertEquals(List.of(TransferKind.BACKUP, TransferKind.BACKUP, TransferKind.BACKUP, TransferKind.COPY,
                        TransferKind.RESTORE, TransferKind.BACKUP, TransferKind.BACKUP, TransferKind.BACKUP,
                        TransferKind.BACKUP),
                transfers.stream().map(Transfer::kind).toList());
        assertEquals(List.of("Completed", "Completed with 2 warnings", "Failed", "Completed", "Completed", "Completed",
                        "Canceled", "Running (processed 1.40 KB)", "Pending"),
                transfers.stream().map(Transfer::statusText).toList());
    }

    @Test
    void transferFieldsAndDataApiTimestampsParse() {
        data.stubFor(get(TRANSFERS).willReturn(okJson(fixture("transfers.json"))));

        Transfer a053 = backups.transfers(APP).get(5);

        assertEquals(53, a053.num());
        assertEquals("DATABASE", a053.fromName());
        assertEquals("pg_dump", a053.fromType());
        assertEquals("gof3r", a053.toType());
        assertEquals(119013376L, a053.sourceBytes());
        assertEquals(43710221L, a053.processedBytes());
        assertTrue(a053.succeeded());
        assertEquals(Instant.parse("2024-05-15T02:00:01Z"), a053.createdAt());
        assertEquals(Instant.parse("2024-05-15T02:00:03Z"), a053.startedAt());
        assertEquals(Instant.parse("2024-05-15T02:03:49Z"), a053.finishedAt());
        assertNull(a053.canceledAt());
        assertEquals("5e5d5bc9-6aed-4ede-81b5-edf9341ee6d2", a053.schedule().uuid());
        assertEquals(OptionalInt.of(36), a053.percentDone());
        assertTrue(a053.toUrl().startsWith("https://xfrtu.s3.amazonaws.com/"));
    }

    @Test
    void aTransferNeverPrintsTheDatabaseCredentialsHerokuSends() {
        data.stubFor(get(TRANSFERS).willReturn(okJson(fixture("transfers.json"))));

        for (Transfer transfer : backups.transfers(APP)) {
            assertFalse(transfer.toString().contains("p4ss-w0rd-very-secret"), transfer.toString());
            assertFalse(transfer.toString().contains("other-secret"), transfer.toString());
        }
    }

    @Test
    void oneTransferByNumber() {
        data.stubFor(get(TRANSFERS + "/57").willReturn(okJson(fixture("capture-running-1.json"))));

        Transfer transfer = backups.transfer(APP, "57");

        data.verify(1, authed(getRequestedFor(urlPathEqualTo(TRANSFERS + "/57"))).withQueryParam("verbose", absent()));
        assertEquals("b057", transfer.name());
        assertEquals(TransferStatus.RUNNING, transfer.status());
        assertEquals(13107200L, transfer.processedBytes());
        assertEquals(OptionalInt.of(11), transfer.percentDone());
    }

    @Test
    void oneTransferByUuidUnderTheAppsId() {
        String path = "/client/v11/apps/" + APP_ID + "/transfers/" + CAPTURE_UUID;
        data.stubFor(get(path).willReturn(okJson(fixture("capture-finished.json"))));

        Transfer transfer = backups.transfer(APP_ID, CAPTURE_UUID);

        data.verify(1, authed(getRequestedFor(urlPathEqualTo(path))));
        assertEquals(TransferStatus.COMPLETED, transfer.status());
        assertEquals(CAPTURE_UUID, transfer.uuid());
    }

    @Test
    void verboseReadBringsRedactedLogs() {
        data.stubFor(get(urlPathEqualTo(TRANSFERS + "/53")).withQueryParam("verbose", equalTo("true"))
                .willReturn(okJson(fixture("transfer-53-verbose.json"))));

        Transfer transfer = backups.transferWithLogs(APP, "53");

        data.verify(1, authed(getRequestedFor(urlPathEqualTo(TRANSFERS + "/53")))
                .withQueryParam("verbose", equalTo("true")));
        assertEquals(5, transfer.logs().size());
        TransferLog first = transfer.logs().get(0);
        assertEquals("info", first.level());
        assertEquals("Running pg_dump on database DATABASE (postgresql-curved-41234)", first.message());
        assertEquals(Instant.parse("2024-05-15T02:00:03Z"), first.createdAt());
        assertEquals("Uploading to https://xfrtu.s3.amazonaws.com/x/y?…", transfer.logs().get(2).message());
        assertEquals("pg_dump done, 119013376 bytes read\nUpload complete", transfer.lastLogMessages(2));
    }

    @Test
    void transferNamedLooksUpTheNumberInACliName() {
        data.stubFor(get(TRANSFERS + "/53").willReturn(okJson(fixture("transfer-53-verbose.json"))));

        Transfer transfer = backups.transferNamed(APP, "a053");

        data.verify(1, getRequestedFor(urlPathEqualTo(TRANSFERS + "/53")));
        assertEquals("a053", transfer.name());
    }

    @Test
    void transferNamedRefusesSomethingThatIsNotABackupName() {
        PgBackupsException e = assertThrows(PgBackupsException.class, () -> backups.transferNamed(APP, "latest"));

        assertEquals(Failure.REJECTED, e.failure());
        assertEquals("'latest' is not a backup name; use one like b012, a034 or r005 (see the backups list).",
                e.getMessage());
    }

    @Test
    void captureStartsABackupOfTheAddon() {
        String path = "/client/v11/databases/" + ADDON_ID + "/backups";
        data.stubFor(post(path).willReturn(okJson(fixture("capture-pending.json")).withStatus(201)));

        Transfer capture = backups.capture(ADDON_ID);

        data.verify(1, authed(postRequestedFor(urlPathEqualTo(path))));
        assertEquals("b057", capture.name());
        assertEquals(CAPTURE_UUID, capture.uuid());
        assertEquals(TransferStatus.PENDING, capture.status());
        assertEquals("Pending", capture.statusText());
    }

    @Test
    void restorePostsTheBackupUrl() {
        String path = "/client/v11/databases/" + ADDON_ID + "/restores";
        URI signed = URI.create("https://lifeboat-offsite.s3.eu-west-1.amazonaws.com/prod/2024-05-15/b053.dump"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=f00dfeedsignature");
        data.stubFor(post(path).willReturn(okJson(fixture("restore-pending.json")).withStatus(201)));

        Transfer restore = backups.restore(ADDON_ID, signed);

        data.verify(1, authed(postRequestedFor(urlPathEqualTo(path)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"backup_url\": \"" + signed + "\"}")));
        assertEquals("r058", restore.name());
        assertEquals(TransferKind.RESTORE, restore.kind());
        assertFalse(restore.toString().contains("f00dfeedsignature"), restore.toString());
    }

    @Test
    void publicUrlIsSignedAndPrintsWithoutItsQuery() {
        String path = TRANSFERS + "/53/actions/public-url";
        data.stubFor(post(path).willReturn(okJson(fixture("public-url.json"))));

        PublicUrl url = backups.publicUrl(APP, 53);

        data.verify(1, authed(postRequestedFor(urlPathEqualTo(path))));
        assertTrue(url.uri().getQuery().contains("X-Amz-Signature="));
        assertEquals(Instant.parse("2024-05-15T07:20:00Z"), url.expiresAt());
        assertFalse(url.toString().contains("X-Amz"), url.toString());
        assertTrue(url.toString().contains("?…"), url.toString());
    }

    @Test
    void schedulesOfTheAddon() {
        String path = "/client/v11/databases/" + ADDON_ID + "/transfer-schedules";
        data.stubFor(get(path).willReturn(okJson(fixture("schedules.json"))));

        List<TransferSchedule> schedules = backups.schedules(ADDON_ID);

        data.verify(1, authed(getRequestedFor(urlPathEqualTo(path))));
        assertEquals(1, schedules.size());
        TransferSchedule daily = schedules.get(0);
        assertEquals("DATABASE_URL", daily.name());
        assertEquals(2, daily.hour());
        assertEquals("UTC", daily.timezone());
        assertEquals(7, daily.days().size());
        assertEquals(4, daily.retainWeeks());
    }

    @Test
    void cancelPostsToTheTransfersCancelActionByUuid() {
        String uuid = "b0a40455-c037-5ab6-b034-33c43c9ca739";
        String path = TRANSFERS + "/" + uuid + "/actions/cancel";
        data.stubFor(post(path).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        backups.cancel(APP, uuid);

        data.verify(1, authed(postRequestedFor(urlPathEqualTo(path))));
    }
}
