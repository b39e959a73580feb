package dev.lifeboat.heroku;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.heroku.HerokuTestSupport.ACCEPT;
import static dev.lifeboat.heroku.HerokuTestSupport.APP;
import static dev.lifeboat.heroku.HerokuTestSupport.TOKEN;
import static dev.lifeboat.heroku.HerokuTestSupport.fixture;
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

/** The real modules boot, and the client they wire talks to the configured URL with the right headers. */
class HerokuModuleTest {
    @RegisterExtension
    static WireMockExtension heroku = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static Injector boot() {
        HerokuSettings settings = HerokuTestSupport.settings(heroku.baseUrl());
        return Guice.createInjector(new HttpModule(), new HerokuModule(),
                binder -> binder.bind(HerokuSettings.class).toInstance(settings));
    }

    @Test
    void theWiredClientCallsTheConfiguredApiWithTokenAcceptAndUserAgent() {
        heroku.stubFor(get("/apps/" + APP).willReturn(okJson(fixture("app-info.json"))));

        HerokuApp app = boot().getInstance(HerokuPlatform.class).app(APP);

        assertEquals(APP, app.name());
        heroku.verify(1, getRequestedFor(urlPathEqualTo("/apps/" + APP))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo(ACCEPT))
                .withHeader("User-Agent", matching("Lifeboat/.*")));
    }

    @Test
    void theHerokuHttpClientIsItsOwnVariantOfTheSharedOneWithExplicitTimeouts() {
        Injector injector = boot();
        OkHttpClient shared = injector.getInstance(OkHttpClient.class);
        OkHttpClient forHeroku = injector.getInstance(Key.get(OkHttpClient.class, ForHeroku.class));

        assertNotSame(shared, forHeroku);
        assertSame(shared.connectionPool(), forHeroku.connectionPool());
        assertSame(shared.dispatcher(), forHeroku.dispatcher());
        assertEquals((int) HerokuModule.CONNECT_TIMEOUT.toMillis(), forHeroku.connectTimeoutMillis());
        assertEquals((int) HerokuModule.READ_TIMEOUT.toMillis(), forHeroku.readTimeoutMillis());
        assertSame(injector.getInstance(HerokuPlatform.class), injector.getInstance(HerokuPlatform.class));
    }
}
