package dev.lifeboat.netlify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.netlify.NetlifyTestSupport.SITE_ID;
import static dev.lifeboat.netlify.NetlifyTestSupport.SITE_PATH;
import static dev.lifeboat.netlify.NetlifyTestSupport.TOKEN;
import static dev.lifeboat.netlify.NetlifyTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import dev.lifeboat.config.NetlifySettings;
import dev.lifeboat.http.HttpModule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NetlifyClientContractTest {
    @RegisterExtension
    static WireMockExtension netlify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Duration> waits = new ArrayList<>();
    private NetlifySite site;

    @BeforeEach
    void setUp() {
        site = NetlifyTestSupport.client(netlify.baseUrl(), Duration.ofSeconds(5), waits);
    }

    private static MappingBuilder authorized(MappingBuilder stub) {
        return stub.withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    private static RequestPatternBuilder sentWithHeaders(RequestPatternBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", containing("Lifeboat/"));
    }

    @Test
    void readsTheSiteWithItsPublishedDeploy() {
        netlify.stubFor(authorized(get(urlEqualTo(SITE_PATH))).willReturn(okJson(fixture("site.json"))));

        Site result = site.site();

        netlify.verify(1, sentWithHeaders(getRequestedFor(urlEqualTo(SITE_PATH))));
        assertEquals(SITE_ID, result.id());
        assertEquals("lifeboat-www", result.name());
        assertEquals("https://www.acme-shop.example", result.liveUrl());
        assertEquals("https://app.netlify.com/sites/lifeboat-www", result.adminUrl());
        assertEquals("663d2b8e4a1f9c0008b7c6d4", result.publishedDeploy().id());
        assertTrue(result.publishedDeploy().isReady());
        assertEquals(Instant.parse("2024-05-09T11:21:09.311Z"), result.publishedDeploy().publishedAt());
    }

    @Test
    void readsWhereTheSiteIsBuiltFromButNotItsBuildEnvironment() {
        String withEnv = fixture("site.json").replace("\"env\": {}", "\"env\": {\"API_SECRET\": \"do-not-read-this-env-value\"}");
        netlify.stubFor(get(urlEqualTo(SITE_PATH)).willReturn(okJson(withEnv)));

        Site result = site.site();

        assertTrue(withEnv.contains("do-not-read-this-env-value"));
        assertEquals("github", result.buildSettings().provider());
        assertEquals("acme-shop/www", result.buildSettings().repoPath());
        assertEquals("main", result.buildSettings().repoBranch());
        assertEquals("https://github.com/acme-shop/www", result.buildSettings().repoUrl());
        assertFalse(result.buildSettings().stopped());
        assertFalse(result.toString().contains("do-not-read-this-env-value"));
    }

    @Test
    void siteRecordDoesNotKeepTheHookTokenNetlifyReturns() {
        netlify.stubFor(get(urlEqualTo(SITE_PATH)).willReturn(okJson(fixture("site.json"))));

        Site result = site.site();

        assertTrue(fixture("site.json").contains("do-not-read-this-hook-token"));
        assertFalse(result.toString().contains("do-not-read-this-hook-token"));
    }

    @Test
    void listsDeploysAskingForOnePageOfTheRequestedSize() {
        netlify.stubFor(authorized(get(urlPathEqualTo(SITE_PATH + "/deploys")))
                .willReturn(okJson(fixture("deploys.json"))));

        List<Deploy> deploys = site.deploys(20);

        netlify.verify(1, sentWithHeaders(getRequestedFor(urlEqualTo(SITE_PATH + "/deploys?per_page=20"))));
        assertEquals(6, deploys.size());
        Deploy building = deploys.get(0);
        assertEquals(DeployState.BUILDING, building.state());
        assertTrue(building.isInProgress());
        Deploy failed = deploys.get(1);
        assertTrue(failed.isFailed());
        assertEquals("Build script returned non-zero exit code: 2", failed.errorMessage());
        assertEquals("Bump astro to 4.8.2", failed.title());
        assertEquals("8c1e3a5f7b9d0e2c4a6f8b0d1e3c5a7f9b2d4e6c", failed.commitRef());
        Deploy preview = deploys.get(3);
        assertEquals("deploy-preview", preview.context());
        assertEquals("feature/new-nav", preview.branch());
        assertFalse(preview.isProduction());
        assertEquals("https://663b9e3c2d4f8a0008e1f2a2--lifeboat-www.netlify.app", deploys.get(4).deploySslUrl());
        assertEquals(Instant.parse("2024-05-07T10:05:19.245Z"), deploys.get(5).createdAt());
    }

    @Test
    void refusesAPageSizeNetlifyWouldNotServeWithoutCallingIt() {
        assertThrows(IllegalArgumentException.class, () -> site.deploys(0));
        assertThrows(IllegalArgumentException.class, () -> site.deploys(101));
        assertEquals(0, netlify.getAllServeEvents().size());
    }

    @Test
    void readsOneDeployThroughTheSitesPath() {
        String path = SITE_PATH + "/deploys/663f1c2a9b8e7d0008a1b2c6";
        netlify.stubFor(authorized(get(urlEqualTo(path))).willReturn(okJson(fixture("deploy-error.json"))));

        Deploy deploy = site.deploy("663f1c2a9b8e7d0008a1b2c6");

        netlify.verify(1, sentWithHeaders(getRequestedFor(urlEqualTo(path))));
        assertEquals("663f1c2a9b8e7d0008a1b2c6", deploy.id());
        assertEquals(DeployState.ERROR, deploy.state());
        assertEquals("Failed during stage 'building site': Build script returned non-zero exit code: 2",
                deploy.errorMessage());
        assertEquals(Instant.parse("2024-05-11T09:41:02.377Z"), deploy.updatedAt());
    }

    @Test
    void publishesAnEarlierDeployWithAnEmptyPostToRestore() {
        String path = SITE_PATH + "/deploys/663b9e3c2d4f8a0008e1f2a2/restore";
        netlify.stubFor(authorized(post(urlEqualTo(path)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(fixture("deploy-restored.json"))));

        Deploy published = site.publishDeploy("663b9e3c2d4f8a0008e1f2a2");

        netlify.verify(1, sentWithHeaders(postRequestedFor(urlEqualTo(path)))
                .withHeader("Content-Length", equalTo("0")));
        assertEquals("663b9e3c2d4f8a0008e1f2a2", published.id());
        assertTrue(published.isReady());
        assertEquals(Instant.parse("2024-05-11T10:02:37.415Z"), published.publishedAt());
    }

    @Test
    void triggersAProductionBuildAndReturnsTheDeployToFollow() {
        netlify.stubFor(authorized(post(urlPathEqualTo(SITE_PATH + "/builds"))).willReturn(okJson(fixture("build.json"))));

        Build build = site.triggerBuild(false);

        netlify.verify(1, sentWithHeaders(postRequestedFor(urlEqualTo(SITE_PATH + "/builds")))
                .withHeader("Content-Length", equalTo("0")));
        assertEquals("663f1c2a9b8e7d0008a1b2c7", build.id());
        assertEquals("663f1c2a9b8e7d0008a1b2c6", build.deployId());
        assertFalse(build.done());
        assertNull(build.error());
        assertEquals(Instant.parse("2024-05-11T09:40:12.498Z"), build.createdAt());
    }

    @Test
    void triggersABuildWithAClearedCacheWhenAsked() {
        netlify.stubFor(post(urlPathEqualTo(SITE_PATH + "/builds")).willReturn(okJson(fixture("build.json"))));

        site.triggerBuild(true);

        netlify.verify(1, sentWithHeaders(postRequestedFor(urlEqualTo(SITE_PATH + "/builds?clear_cache=true"))));
    }

    @Test
    void listsTheFilesOfTheLiveDeploy() {
        netlify.stubFor(authorized(get(urlEqualTo(SITE_PATH + "/files"))).willReturn(okJson(fixture("files.json"))));

        List<SiteFile> files = site.files();

        netlify.verify(1, sentWithHeaders(getRequestedFor(urlEqualTo(SITE_PATH + "/files"))));
        assertEquals(6, files.size());
        SiteFile index = files.get(0);
        assertEquals("/index.html", index.path());
        assertEquals("8d7c2e1f0a9b3c4d5e6f7a8b9c0d1e2f3a4b5c6d", index.sha());
        assertEquals(18342, index.size());
        assertEquals("text/html", index.mimeType());
        assertEquals("8d7c2e1f0a9b3c4d5e6f7a8b", index.id());
    }

    @Test
    void readsADeployWithUnknownStateAndMissingFields() {
        String path = SITE_PATH + "/deploys/0123456789abcdef01234567";
        netlify.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"id\":\"0123456789abcdef01234567\","
                + "\"state\":\"quantum_superposition\",\"brand_new_field\":{\"x\":[1,2]}}")));

        Deploy deploy = site.deploy("0123456789abcdef01234567");

        assertEquals(DeployState.UNKNOWN, deploy.state());
        assertFalse(deploy.isReady() || deploy.isFailed() || deploy.isInProgress());
        assertNull(deploy.createdAt());
        assertNull(deploy.errorMessage());
    }

    @Test
    void theModuleBuildsAClientThatSendsTheTokenToTheConfiguredApi() {
        netlify.stubFor(get(urlEqualTo(SITE_PATH)).willReturn(okJson(fixture("site.json"))));
        Injector injector = Guice.createInjector(new HttpModule(), new NetlifyModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(NetlifySettings.class).toInstance(NetlifyTestSupport.settings(netlify.baseUrl()));
            }
        });

        NetlifySite wired = injector.getInstance(NetlifySite.class);

        assertSame(wired, injector.getInstance(NetlifySite.class));
        assertEquals(SITE_ID, wired.site().id());
        netlify.verify(1, sentWithHeaders(getRequestedFor(urlEqualTo(SITE_PATH))));
        OkHttpClient http = injector.getInstance(Key.get(OkHttpClient.class, ForNetlify.class));
        assertEquals(NetlifyModule.READ_TIMEOUT.toMillis(), http.readTimeoutMillis());
        assertEquals(NetlifyModule.CONNECT_TIMEOUT.toMillis(), http.connectTimeoutMillis());
        assertSame(injector.getInstance(OkHttpClient.class).connectionPool(), http.connectionPool());
    }
}
