package dev.lifeboat.heroku;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.heroku.HerokuTestSupport.ACCEPT;
import static dev.lifeboat.heroku.HerokuTestSupport.APP;
import static dev.lifeboat.heroku.HerokuTestSupport.TOKEN;
import static dev.lifeboat.heroku.HerokuTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each Platform API call against recorded response shapes: the request sent, and what it parses into. */
class HerokuPlatformContractTest {
    private static final String APP_ID = "5f2c9b0e-6a43-4c1e-9f0b-2d7e8a1c3b45";
    private static final String V110_ID = "4b9a43be-01d5-5b1d-bc6e-d78554521c3e";
    private static final String CURRENT_RELEASE_ID = "731de187-2bd0-54e1-87bb-bf203995712e";

    @RegisterExtension
    static WireMockExtension heroku = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private HerokuPlatform platform;

    @BeforeEach
    void setUp() {
        platform = HerokuTestSupport.client(heroku.baseUrl());
    }

    /** Every call must carry the token and ask for API version 3. */
    private static RequestPatternBuilder authed(RequestPatternBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + TOKEN)).withHeader("Accept", equalTo(ACCEPT));
    }

    private static MappingBuilder stubbed(MappingBuilder mapping, int status, String body) {
        return mapping.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("RateLimit-Remaining", "4321").withBody(body));
    }

    @Test
    void appInfoParsesTheAppAndSendsTheTokenAndApiVersion() {
        heroku.stubFor(stubbed(get("/apps/" + APP), 200, fixture("app-info.json")));

        HerokuApp app = platform.app(APP);

        heroku.verify(1, authed(getRequestedFor(urlPathEqualTo("/apps/" + APP))));
        assertEquals(APP_ID, app.id());
        assertEquals(APP, app.name());
        assertFalse(app.maintenance());
        assertEquals("eu", app.region().name());
        assertEquals("heroku-24", app.stack().name());
        assertEquals("ops@acme-shop.example", app.owner().email());
        assertEquals("https://lifeboat-prod-8a1f3c2e9d4b.herokuapp.com/", app.webUrl());
        assertEquals(98304512L, app.slugSize());
        assertEquals(Instant.parse("2024-05-14T09:21:07Z"), app.releasedAt());
    }

    @Test
    void maintenanceOnPatchesTheAppAndReturnsItInMaintenance() {
        heroku.stubFor(stubbed(patch("/apps/" + APP), 200, fixture("app-info-maintenance.json")));

        HerokuApp app = platform.setMaintenance(APP, true);

        heroku.verify(1, authed(patchRequestedFor(urlPathEqualTo("/apps/" + APP)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"maintenance\": true}")));
        assertTrue(app.maintenance());
    }

    @Test
    void maintenanceOffSendsFalse() {
        heroku.stubFor(stubbed(patch("/apps/" + APP), 200, fixture("app-info.json")));

        HerokuApp app = platform.setMaintenance(APP, false);

        heroku.verify(1, authed(patchRequestedFor(urlPathEqualTo("/apps/" + APP)))
                .withRequestBody(equalToJson("{\"maintenance\": false}")));
        assertFalse(app.maintenance());
    }

    @Test
    void dynosListParsesStatesAndKeepsUnknownStatesAsUnknown() {
        heroku.stubFor(stubbed(get("/apps/" + APP + "/dynos"), 200, fixture("dynos.json")));

        List<Dyno> dynos = platform.dynos(APP);

        heroku.verify(1, authed(getRequestedFor(urlPathEqualTo("/apps/" + APP + "/dynos"))));
        assertEquals(List.of("web.1", "web.2", "worker.1", "run.4821"), dynos.stream().map(Dyno::name).toList());
        assertEquals(List.of(DynoState.UP, DynoState.CRASHED, DynoState.STARTING, DynoState.UNKNOWN),
                dynos.stream().map(Dyno::state).toList());
        Dyno web2 = dynos.get(1);
        assertEquals("web", web2.type());
        assertEquals("Standard-2X", web2.size());
        assertEquals(112, web2.release().version());
        assertEquals(CURRENT_RELEASE_ID, web2.release().id());
        assertTrue(web2.state().isFailing());
        assertEquals(Instant.parse("2024-05-15T06:58:03Z"), web2.updatedAt());
    }

    @Test
    void restartAllDeletesTheAppsDynos() {
        heroku.stubFor(stubbed(delete("/apps/" + APP + "/dynos"), 202, "{}"));

        platform.restartAllDynos(APP);

        heroku.verify(1, authed(deleteRequestedFor(urlPathEqualTo("/apps/" + APP + "/dynos"))));
    }

    @Test
    void restartOneDynoDeletesThatDyno() {
        heroku.stubFor(stubbed(delete("/apps/" + APP + "/dynos/web.2"), 202, "{}"));

        platform.restartDyno(APP, "web.2");

        heroku.verify(1, authed(deleteRequestedFor(urlPathEqualTo("/apps/" + APP + "/dynos/web.2"))));
    }

    @Test
    void restartProcessTypeDeletesTheFormationsDynos() {
        heroku.stubFor(stubbed(delete("/apps/" + APP + "/formations/worker"), 202, "{}"));

        platform.restartProcessType(APP, "worker");

        heroku.verify(1, authed(deleteRequestedFor(urlPathEqualTo("/apps/" + APP + "/formations/worker"))));
    }

    @Test
    void formationListsProcessTypesWithQuantityAndSize() {
        heroku.stubFor(stubbed(get("/apps/" + APP + "/formation"), 200, fixture("formation.json")));

        List<Formation> formation = platform.formation(APP);

        heroku.verify(1, authed(getRequestedFor(urlPathEqualTo("/apps/" + APP + "/formation"))));
        assertEquals(2, formation.size());
        Formation web = formation.get(0);
        assertEquals("web", web.type());
        assertEquals(2, web.quantity());
        assertEquals("Standard-2X", web.size());
        assertEquals("bundle exec puma -C config/puma.rb", web.command());
        assertEquals(1, formation.get(1).quantity());
    }

    @Test
    void releasesFollowNextRangeAcrossTwoPagesNewestFirst() {
        String firstRange = "version ..; max=15, order=desc";
        String nextRange = "version ]103..; max=15, order=desc";
        heroku.stubFor(get("/apps/" + APP + "/releases").withHeader("Range", equalTo(firstRange))
                .willReturn(aResponse().withStatus(206).withHeader("Content-Type", "application/json")
                        .withHeader("Content-Range", "version 112..103").withHeader("Next-Range", nextRange)
                        .withBody(fixture("releases-page-1.json"))));
        heroku.stubFor(get("/apps/" + APP + "/releases").withHeader("Range", equalTo(nextRange))
                .willReturn(okJson(fixture("releases-page-2.json"))));

        List<Release> releases = platform.releases(APP, 15);

        heroku.verify(1, authed(getRequestedFor(urlPathEqualTo("/apps/" + APP + "/releases")))
                .withHeader("Range", equalTo(firstRange)));
        heroku.verify(1, authed(getRequestedFor(urlPathEqualTo("/apps/" + APP + "/releases")))
                .withHeader("Range", equalTo(nextRange)));
        assertEquals(15, releases.size());
        assertEquals(112, releases.get(0).version());
        assertEquals(98, releases.get(14).version());
        assertEquals(ReleaseStatus.EXPIRED, releases.get(12).status());
    }

    @Test
    void releasesStopAtTheLimitEvenWhenMorePagesExist() {
        heroku.stubFor(get("/apps/" + APP + "/releases")
                .willReturn(aResponse().withStatus(206).withHeader("Content-Type", "application/json")
                        .withHeader("Next-Range", "version ]103..; max=10, order=desc")
                        .withBody(fixture("releases-page-1.json"))));

        List<Release> releases = platform.releases(APP, 10);

        heroku.verify(1, getRequestedFor(urlPathEqualTo("/apps/" + APP + "/releases"))
                .withHeader("Range", equalTo("version ..; max=10, order=desc")));
        assertEquals(10, releases.size());
    }

    @Test
    void releaseFieldsParse() {
        heroku.stubFor(stubbed(get("/apps/" + APP + "/releases"), 200, fixture("releases-page-1.json")));

        Release newest = platform.releases(APP, 10).get(0);

        assertEquals(CURRENT_RELEASE_ID, newest.id());
        assertEquals("v112", newest.label());
        assertEquals(ReleaseStatus.SUCCEEDED, newest.status());
        assertEquals("Deploy 4e1a9c2", newest.description());
        assertEquals("maria@acme-shop.example", newest.userEmail());
        assertTrue(newest.current());
        assertTrue(newest.eligibleForRollback());
        assertEquals(Instant.parse("2024-05-14T09:21:07Z"), newest.createdAt());
        assertEquals(List.of("heroku-postgresql:standard-0", "heroku-redis:premium-0"), newest.addonPlanNames());
    }

    @Test
    void currentReleaseIsTheOneMarkedCurrent() {
        heroku.stubFor(stubbed(get("/apps/" + APP + "/releases"), 206, fixture("releases-page-1.json")));

        Release current = platform.currentRelease(APP);

        assertEquals(112, current.version());
        heroku.verify(1, authed(getRequestedFor(urlPathEqualTo("/apps/" + APP + "/releases")))
                .withHeader("Range", equalTo("version ..; max=10, order=desc")));
    }

    @Test
    void defaultRollbackTargetIsTheSecondEligibleReleaseNotTheSecondRelease() {
        heroku.stubFor(stubbed(get("/apps/" + APP + "/releases"), 206, fixture("releases-page-1.json")));

        Optional<Release> target = platform.defaultRollbackTarget(APP);

        // v111 failed and is not eligible, so the CLI goes back to v110, not v111.
        assertEquals(110, target.orElseThrow().version());
        assertEquals(V110_ID, target.orElseThrow().id());
        heroku.verify(1, getRequestedFor(urlPathEqualTo("/apps/" + APP + "/releases"))
                .withHeader("Range", equalTo("version ..; max=10, order=desc")));
    }

    @Test
    void rollbackPostsTheReleaseIdAndReturnsTheNewRelease() {
        heroku.stubFor(stubbed(post("/apps/" + APP + "/releases"), 201, fixture("release-rollback.json")));

        Release created = platform.rollback(APP, V110_ID);

        heroku.verify(1, authed(postRequestedFor(urlPathEqualTo("/apps/" + APP + "/releases")))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"release\": \"" + V110_ID + "\"}")));
        assertEquals(113, created.version());
        assertEquals("Rollback to v110", created.description());
        assertTrue(created.current());
        assertFalse(created.toString().contains("streamtoken123"), created.toString());
    }

    @Test
    void configVarsGiveNamesAndSecretsButNeverPrintValues() {
        heroku.stubFor(stubbed(get("/apps/" + APP + "/config-vars"), 200, fixture("config-vars.json")));

        ConfigVars vars = platform.configVars(APP);

        heroku.verify(1, authed(getRequestedFor(urlPathEqualTo("/apps/" + APP + "/config-vars"))));
        assertEquals(12, vars.size());
        assertTrue(vars.has("DATABASE_URL"));
        assertEquals("production", vars.secret("RAILS_ENV").orElseThrow().reveal());
        assertEquals("****", vars.secret("RAILS_MASTER_KEY").orElseThrow().toString());
        String shown = vars.toString();
        assertTrue(shown.contains("RAILS_MASTER_KEY"), shown);
        for (String secret : List.of("p4ss-w0rd-very-secret", "9d1c7a0e3b5f2d4c6a8e0b2d4f6a8c0e", "sk_live", "production")) {
            assertFalse(shown.contains(secret), shown);
        }
    }

    @Test
    void postgresAddonIsTheAppsOwnDatabaseServingDatabaseUrl() {
        heroku.stubFor(stubbed(get("/apps/" + APP + "/addons"), 200, fixture("addons.json")));

        PostgresAddon addon = platform.postgresAddon(APP).orElseThrow();

        heroku.verify(1, authed(getRequestedFor(urlPathEqualTo("/apps/" + APP + "/addons"))));
        // Not the redis, not the database attached from acme-analytics, not the follower without DATABASE_URL.
        assertEquals(new PostgresAddon("8c1e3a5d-7f90-4b2d-a4c6-e8f0a2c4e6b8", "postgresql-curved-41234",
                "heroku-postgresql:standard-0", APP), addon);
    }

    @Test
    void postgresAddonIsEmptyWhenTheAppHasNoPostgres() {
        heroku.stubFor(stubbed(get("/apps/" + APP + "/addons"), 200, "[]"));

        assertEquals(Optional.empty(), platform.postgresAddon(APP));
    }

    @Test
    void resolveDatabaseAsksForTheDatabaseUrlAttachmentLikeTheCli() {
        heroku.stubFor(stubbed(post("/actions/addon-attachments/resolve"), 200, fixture("addon-attachments-resolve.json")));

        PostgresAddon addon = platform.resolveDatabase(APP);

        heroku.verify(1, authed(postRequestedFor(urlPathEqualTo("/actions/addon-attachments/resolve")))
                .withHeader("Accept-Inclusion", equalTo("addon:plan,config_vars"))
                .withRequestBody(equalToJson("{\"addon_attachment\": \"DATABASE_URL\", \"app\": \"" + APP
                        + "\", \"addon_service\": \"heroku-postgresql\"}")));
        assertEquals("8c1e3a5d-7f90-4b2d-a4c6-e8f0a2c4e6b8", addon.id());
        assertEquals("postgresql-curved-41234", addon.name());
        assertEquals("heroku-postgresql:standard-0", addon.planName());
        assertEquals(APP, addon.appName());
    }

    @Test
    void anAppIdWorksWhereAnAppNameDoes() {
        heroku.stubFor(stubbed(get("/apps/" + APP_ID), 200, fixture("app-info.json")));

        assertEquals(APP, platform.app(APP_ID).name());
        heroku.verify(1, getRequestedFor(urlPathEqualTo("/apps/" + APP_ID)));
    }

    @Test
    void unknownAndMissingFieldsAreTolerated() {
        heroku.stubFor(stubbed(get("/apps/" + APP), 200,
                "{\"id\": \"" + APP_ID + "\", \"name\": \"" + APP + "\", \"brand_new_field\": {\"x\": 1}}"));

        HerokuApp app = platform.app(APP);

        assertEquals(APP, app.name());
        assertFalse(app.maintenance());
        assertNull(app.region());
    }
}
