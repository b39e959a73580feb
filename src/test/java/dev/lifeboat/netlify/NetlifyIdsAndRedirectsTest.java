package dev.lifeboat.netlify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.netlify.NetlifyTestSupport.JSON;
import static dev.lifeboat.netlify.NetlifyTestSupport.SHARED;
import static dev.lifeboat.netlify.NetlifyTestSupport.SITE_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.config.ConfigException;
import dev.lifeboat.config.NetlifySettings;
import dev.lifeboat.http.InvalidIdException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed ids never reach Netlify, and a redirecting answer is reported, never followed with the token. */
class NetlifyIdsAndRedirectsTest {
    @RegisterExtension
    static WireMockExtension netlify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private NetlifySite site;

    @BeforeEach
    void setUp() {
        site = NetlifyTestSupport.client(netlify.baseUrl(), Duration.ofSeconds(2), new ArrayList<>());
        netlify.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void publishingTheDeployDotDotIsRefusedAndNothingIsPublished() {
        InvalidIdException e = assertThrows(InvalidIdException.class, () -> site.publishDeploy(".."));

        assertEquals("`..` is not a Netlify deploy id (expected e.g. 663f1c2a9b8e7d0008a1b2c6).", e.getMessage());
        netlify.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"..", ".", "a/b", "%2e%2e", "%2F", "", " ", "../other", "663f1c2a9b8e7d0008a1b2c6/.."})
    void deployCallsRefuseAMalformedIdBeforeAnyRequest(String bad) {
        assertThrows(InvalidIdException.class, () -> site.deploy(bad));
        assertThrows(InvalidIdException.class, () -> site.publishDeploy(bad));
        netlify.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"..", ".", "a/b", "%2e%2e", " "})
    void aMalformedSiteIdIsAConfigurationProblemNamingTheVariable(String bad) {
        NetlifySettings settings = NetlifyTestSupport.settings(netlify.baseUrl());
        NetlifySettings wrong = new NetlifySettings(settings.authToken(), Optional.of(bad), settings.apiUrl(),
                settings.statusUrl(), settings.siteUrl());

        ConfigException e = assertThrows(ConfigException.class, () -> NetlifyModule.client(SHARED, JSON, wrong));

        assertTrue(e.problems().get(0).startsWith("NETLIFY_SITE_ID: `"), e.problems().get(0));
        netlify.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {302, 307})
    void aRedirectIsReportedAndNothingGoesWhereItPoints(int status) {
        elsewhere.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        netlify.stubFor(get(SITE_PATH).willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.baseUrl() + SITE_PATH)));

        NetlifyException e = assertThrows(NetlifyException.class, () -> site.site());

        assertTrue(e.getMessage().startsWith("Netlify answered with a redirect (" + status + ") while "), e.getMessage());
        assertTrue(e.getMessage().contains("nothing (and no token) was sent where it pointed. Check NETLIFY_API_URL"),
                e.getMessage());
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }
}
