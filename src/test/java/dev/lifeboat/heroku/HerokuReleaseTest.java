package dev.lifeboat.heroku;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.heroku.HerokuTestSupport.ACCEPT;
import static dev.lifeboat.heroku.HerokuTestSupport.APP;
import static dev.lifeboat.heroku.HerokuTestSupport.TOKEN;
import static dev.lifeboat.heroku.HerokuTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.InvalidIdException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One release by id or version, and what its release phase printed, against the Platform API's shapes. */
class HerokuReleaseTest {
    private static final String V113_ID = "b785c8e5-3433-559d-85f2-a1e0abf434bd";

    @RegisterExtension
    static WireMockExtension heroku = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private HerokuPlatform platform;

    @BeforeEach
    void setUp() {
        platform = HerokuTestSupport.client(heroku.baseUrl());
    }

    /** The rollback fixture as Heroku shows it while its release phase runs, its output on this test server. */
    private String pending() {
        return fixture("release-rollback.json").replace("\"status\": \"succeeded\"", "\"status\": \"pending\"")
                .replace("https://release-output.heroku.com", heroku.baseUrl() + "/release-output");
    }

    @Test
    void aReleaseIsReadByItsId() {
        heroku.stubFor(get("/apps/" + APP + "/releases/" + V113_ID).willReturn(okJson(pending())));

        Release release = platform.release(APP, V113_ID);

        heroku.verify(1, getRequestedFor(urlPathEqualTo("/apps/" + APP + "/releases/" + V113_ID))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)).withHeader("Accept", equalTo(ACCEPT)));
        assertEquals(113, release.version());
        assertEquals(ReleaseStatus.PENDING, release.status());
    }

    @Test
    void aReleaseIsReadByItsVersionAsAPersonTypesIt() {
        heroku.stubFor(get("/apps/" + APP + "/releases/113").willReturn(okJson(pending())));

        assertEquals(V113_ID, platform.release(APP, "v113").id());
        assertEquals(V113_ID, platform.release(APP, "113").id());
        assertThrows(InvalidIdException.class, () -> platform.release(APP, "../113"));
        assertThrows(InvalidIdException.class, () -> platform.release(APP, "v0"));
    }

    @Test
    void anUnknownVersionIsNotFound() {
        heroku.stubFor(get("/apps/" + APP + "/releases/99").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"not_found\",\"message\":\"Couldn't find that release.\"}")));

        HerokuException e = assertThrows(HerokuException.class, () -> platform.release(APP, "v99"));

        assertEquals(Failure.NOT_FOUND, e.failure());
    }

    @Test
    void theReleasePhaseOutputIsReadAsPlainTextWithSecretsHidden() {
        heroku.stubFor(get("/apps/" + APP + "/releases/" + V113_ID).willReturn(okJson(pending())));
        heroku.stubFor(get(urlPathEqualTo("/release-output/streams/9c/9c0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                        .withBody("Running release command `rails db:migrate`\n"
                                + "connecting to postgres://u:hunter2-secret@db.example:5432/app\nrails aborted!\n")));
        Release release = platform.release(APP, V113_ID);

        LogLines output = platform.releaseOutput(release, 100, Duration.ofSeconds(2));

        assertEquals(List.of("Running release command `rails db:migrate`",
                "connecting to postgres://****@db.example:5432/app", "rails aborted!"), output.lines());
        heroku.verify(1, getRequestedFor(urlPathEqualTo("/release-output/streams/9c/9c0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c"))
                .withQueryParam("token", equalTo("streamtoken123")));
    }

    @Test
    void aReleaseWithoutAnOutputStreamHasNoOutput() {
        Release none = new Release(V113_ID, 113, ReleaseStatus.FAILED, "", null, false, false, null, null, null, null);

        LogLines output = platform.releaseOutput(none, 100, Duration.ofSeconds(2));

        assertEquals(List.of(), output.lines());
        assertFalse(heroku.getAllServeEvents().stream().findAny().isPresent(), "nothing was called");
    }
}
