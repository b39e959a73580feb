package dev.lifeboat.restore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.inject.Guice;
import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.http.HttpModule;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.pgbackups.PgBackupsModule;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.testing.FakeStepContext;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.ManualClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The restore's POST against the real data API client and a stand-in for Heroku: asked once, whatever happens after.
 * Shapes from the data API ({@code fixtures/heroku/pg}).
 */
class StartRestoreAgainstTheDataApiTest {
    static final String APP = "lifeboat-prod";
    static final String ADDON = "8c1e3a5d-7f90-4b2d-a4c6-e8f0a2c4e6b8";
    static final String RESTORE_UUID = "d3fa9b49-82b6-5589-a8c3-dde06ca52276";
    static final URI DUMP = URI.create("https://dumps.example.com/prod/b053.dump");

    @RegisterExtension
    static WireMockExtension heroku = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final ManualClock clock = new ManualClock(Instant.parse("2024-05-15T07:19:50Z"));
    final RestorePlan plan = new RestorePlan(RestorePlan.Target.PRODUCTION, APP, APP,
            new Source.Url(DUMP.toString(), Optional.of(DUMP)), Optional.empty());
    final FakeStepContext context = new FakeStepContext(clock, RunParams.of(plan.toParams(1)));

    StartRestore step() {
        HerokuSettings settings = new HerokuSettings(Optional.of(new Secret("HRKU-test")), Optional.of(APP),
                Optional.empty(), URI.create(heroku.baseUrl()), URI.create(heroku.baseUrl()),
                URI.create("https://status.heroku.invalid"), Optional.empty(), "/");
        PgBackups backups = Guice.createInjector(new HttpModule(), new PgBackupsModule(),
                binder -> binder.bind(HerokuSettings.class).toInstance(settings)).getInstance(PgBackups.class);
        RestoreParts parts = new RestoreParts(Optional.empty(), Optional.of(backups), Optional.empty(),
                (url, timeout) -> RestoreWorld.up(url), Set.of(), (url, sql, timeout) -> List.of(),
                new RuntimeSettings(3000, Path.of("unused"), Optional.empty(), Optional.empty(), 60, 3, false,
                        Optional.empty()), RestoreWorld.TIMINGS, new RestoreTargets(Optional.of(APP), Optional.empty(),
                Optional.empty(), "pg-backups/" + APP + "/"), new SignedUrls());
        context.as(Preflight.ID).record(Preflight.ADDON_ID, ADDON);
        return new StartRestore(parts, plan, plan.source(), "restore");
    }

    @Test
    void runTwiceItPostsOnceAndThenReadsTheRecordedTransfer() {
        heroku.stubFor(post("/client/v11/databases/" + ADDON + "/restores")
                .willReturn(okJson(Fixtures.read("heroku/pg/restore-pending.json"))));
        heroku.stubFor(get("/client/v11/apps/" + APP + "/transfers/" + RESTORE_UUID)
                .willReturn(okJson(Fixtures.read("heroku/pg/restore-running.json"))));
        StartRestore step = step();

        StepOutcome first = step.run(context.as("restore"));
        StepOutcome second = step.run(context.as("restore"));

        assertEquals(StepOutcome.succeeded("r058 started at Heroku"), first);
        assertEquals(StepOutcome.succeeded("r058 started at Heroku (Running (processed 8.00 MB))"), second);
        heroku.verify(1, postRequestedFor(urlPathEqualTo("/client/v11/databases/" + ADDON + "/restores"))
                .withRequestBody(equalToJson("{\"backup_url\":\"" + DUMP + "\"}")));
    }

    @Test
    void whenThePostsAnswerIsLostTheRetryFindsTheRestoreItStartedInsteadOfPostingAgain() {
        heroku.stubFor(post("/client/v11/databases/" + ADDON + "/restores")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        heroku.stubFor(get("/client/v11/apps/" + APP + "/transfers")
                .willReturn(okJson("[" + Fixtures.read("heroku/pg/restore-running.json") + "]")));
        StartRestore step = step();

        StepOutcome first = step.run(context.as("restore"));
        StepOutcome second = step.run(context.as("restore"));

        assertEquals(true, first instanceof StepOutcome.Failed f && f.retryable(), first.toString());
        assertEquals(StepOutcome.succeeded("r058 started at Heroku"), second);
        assertEquals(RESTORE_UUID, context.as("restore").mine().get("transfer"));
        heroku.verify(1, postRequestedFor(urlPathEqualTo("/client/v11/databases/" + ADDON + "/restores")));
    }
}
