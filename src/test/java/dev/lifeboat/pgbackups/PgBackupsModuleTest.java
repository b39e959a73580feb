package dev.lifeboat.pgbackups;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.ACCEPT;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.APP;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.TOKEN;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.http.HttpModule;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real module boots and its client calls the configured data API with the Heroku token. */
class PgBackupsModuleTest {
    @RegisterExtension
    static WireMockExtension data = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static Injector boot() {
        HerokuSettings settings = PgBackupsTestSupport.settings(data.baseUrl());
        return Guice.createInjector(new HttpModule(), new PgBackupsModule(),
                binder -> binder.bind(HerokuSettings.class).toInstance(settings));
    }

    @Test
    void theWiredClientCallsTheDataApiUrlWithTheHerokuToken() {
        data.stubFor(get("/client/v11/apps/" + APP + "/transfers").willReturn(okJson(fixture("transfers.json"))));

        assertEquals(9, boot().getInstance(PgBackups.class).transfers(APP).size());

        data.verify(1, getRequestedFor(urlPathEqualTo("/client/v11/apps/" + APP + "/transfers"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo(ACCEPT))
                .withHeader("User-Agent", matching("Lifeboat/.*")));
    }

    @Test
    void itsHttpClientIsAVariantOfTheSharedOneAndThePollerIsInjectable() {
        Injector injector = boot();
        OkHttpClient shared = injector.getInstance(OkHttpClient.class);
        OkHttpClient own = injector.getInstance(Key.get(OkHttpClient.class, ForPgBackups.class));

        assertNotSame(shared, own);
        assertSame(shared.connectionPool(), own.connectionPool());
        assertEquals((int) PgBackupsModule.CONNECT_TIMEOUT.toMillis(), own.connectTimeoutMillis());
        assertEquals((int) PgBackupsModule.READ_TIMEOUT.toMillis(), own.readTimeoutMillis());
        assertEquals(TransferPoller.MIN_INTERVAL, injector.getInstance(TransferPoller.class).interval());
    }
}
