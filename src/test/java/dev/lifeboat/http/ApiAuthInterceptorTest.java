package dev.lifeboat.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The credential and fixed headers go to the configured API origin only, on every hop. */
class ApiAuthInterceptorTest {
    private static final String TOKEN = "HRKU-AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQrrSSttUU";
    private static final String ACCEPT = "application/vnd.heroku+json; version=3";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static ApiAuthInterceptor auth(String baseUrl) {
        return ApiAuthInterceptor.bearer(URI.create(baseUrl), Optional.of(new Secret(TOKEN)), Map.of("Accept", ACCEPT));
    }

    private static int status(OkHttpClient client, String url) throws IOException {
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.code();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://api.heroku.com/apps, true",
            "https://API.heroku.com:443/apps, true",
            "http://api.heroku.com/apps, false",
            "https://api.heroku.com:8443/apps, false",
            "https://api.heroku.com.evil.example/apps, false",
            "https://evil.example/api.heroku.com/apps, false",
            "https://logplex.heroku.com/sessions/1, false"})
    void onlyTheSameSchemeHostAndPortIsTheApi(String url, boolean own) {
        assertEquals(own, auth("https://api.heroku.com").isOwnOrigin(HttpUrl.get(url)));
    }

    @Test
    void theApiClientDoesNotFollowARedirectToAnotherPort() throws IOException {
        api.stubFor(get("/apps").willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere.url("/apps"))));
        OkHttpClient client = auth(api.baseUrl()).install(new OkHttpClient.Builder()).build();

        assertEquals(302, status(client, api.url("/apps")));

        api.verify(getRequestedFor(urlEqualTo("/apps")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo(ACCEPT)));
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
        assertFalse(client.followRedirects());
        assertFalse(client.followSslRedirects());
    }

    @Test
    void evenWhenRedirectsAreFollowedTheNextOriginGetsNeitherTokenNorFixedHeaders() throws IOException {
        api.stubFor(get("/apps").willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere.url("/x"))));
        elsewhere.stubFor(get("/x").willReturn(ok()));
        OkHttpClient client = auth(api.baseUrl()).install(new OkHttpClient.Builder()).followRedirects(true).build();

        assertEquals(200, status(client, api.url("/apps")));

        elsewhere.verify(1, getRequestedFor(urlEqualTo("/x")).withHeader("Authorization", absent())
                .withHeader("Accept", absent()));
    }

    @Test
    void aCallersOwnHeaderToAnotherOriginIsLeftAlone() throws IOException {
        elsewhere.stubFor(get("/stream").willReturn(ok()));
        OkHttpClient client = auth(api.baseUrl()).install(new OkHttpClient.Builder()).build();

        try (Response ignored = client.newCall(new Request.Builder().url(elsewhere.url("/stream"))
                .header("Accept", "text/event-stream").build()).execute()) {
            elsewhere.verify(getRequestedFor(urlEqualTo("/stream")).withHeader("Authorization", absent())
                    .withHeader("Accept", equalTo("text/event-stream")));
        }
    }
}
