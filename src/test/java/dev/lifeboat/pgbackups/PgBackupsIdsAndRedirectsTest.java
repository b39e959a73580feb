package dev.lifeboat.pgbackups;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.ADDON_ID;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.APP;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.http.InvalidIdException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed ids never reach the data API, and a redirecting answer is reported, never followed with the token. */
class PgBackupsIdsAndRedirectsTest {
    private static final URI DUMP = URI.create("https://bucket.s3.amazonaws.com/b057.dump?X-Amz-Signature=abc");

    @RegisterExtension
    static WireMockExtension data = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private PgBackups backups;

    @BeforeEach
    void setUp() {
        backups = PgBackupsTestSupport.client(data.baseUrl());
        data.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void aTransferNamedDotDotIsRefusedAndNothingIsAsked() {
        InvalidIdException e = assertThrows(InvalidIdException.class, () -> backups.cancel(APP, ".."));

        assertEquals("`..` is not a backup number (expected e.g. 57).", e.getMessage());
        data.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"..", ".", "a/b", "%2e%2e", "%2F", "", " ", "12 "})
    void everyCallRefusesAMalformedIdBeforeAnyRequest(String bad) {
        Map<String, Executable> calls = Map.ofEntries(
                Map.entry("transfers", () -> backups.transfers(bad)),
                Map.entry("transfer app", () -> backups.transfer(bad, "57")),
                Map.entry("transfer num", () -> backups.transfer(APP, bad)),
                Map.entry("transferWithLogs app", () -> backups.transferWithLogs(bad, "57")),
                Map.entry("transferWithLogs num", () -> backups.transferWithLogs(APP, bad)),
                Map.entry("capture", () -> backups.capture(bad)),
                Map.entry("restore", () -> backups.restore(bad, DUMP)),
                Map.entry("publicUrl", () -> backups.publicUrl(bad, 57)),
                Map.entry("schedules", () -> backups.schedules(bad)),
                Map.entry("cancel app", () -> backups.cancel(bad, "57")),
                Map.entry("cancel transfer", () -> backups.cancel(APP, bad)),
                Map.entry("transferNamed app", () -> backups.transferNamed(bad, "b057")));

        assertAll(calls.entrySet().stream().map(call -> () ->
                assertThrows(InvalidIdException.class, call.getValue(), call.getKey())));
        data.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aNegativeBackupNumberIsRefusedToo() {
        assertThrows(InvalidIdException.class, () -> backups.publicUrl(APP, -1));
        data.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {302, 307})
    void aRedirectIsReportedAndNothingGoesWhereItPoints(int status) {
        elsewhere.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        String path = "/client/v11/databases/" + ADDON_ID + "/backups";
        data.stubFor(post(path).willReturn(aResponse().withStatus(status).withHeader("Location", elsewhere.baseUrl() + path)));

        PgBackupsException e = assertThrows(PgBackupsException.class, () -> backups.capture(ADDON_ID));

        assertTrue(e.getMessage().startsWith("The Heroku Postgres backups API answered POST " + path + " with a redirect ("
                + status + "). Lifeboat follows no redirects from an API"), e.getMessage());
        assertTrue(e.getMessage().contains("Check HEROKU_DATA_API_URL"), e.getMessage());
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }
}
