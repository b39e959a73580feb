package dev.lifeboat.netlify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.lifeboat.netlify.NetlifyTestSupport.SITE_ID;
import static dev.lifeboat.netlify.NetlifyTestSupport.SITE_PATH;
import static dev.lifeboat.netlify.NetlifyTestSupport.TOKEN;
import static dev.lifeboat.netlify.NetlifyTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.http.Failure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way a Netlify call fails, and what the person reading the message is told. */
class NetlifyFailureTest {
    @RegisterExtension
    static WireMockExtension netlify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String DEPLOY_ID = "663b9e3c2d4f8a0008e1f2a2";
    private static final String RESTORE_PATH = SITE_PATH + "/deploys/" + DEPLOY_ID + "/restore";

    private final List<Duration> waits = new ArrayList<>();
    private NetlifySite site;

    @BeforeEach
    void setUp() {
        site = NetlifyTestSupport.client(netlify.baseUrl(), Duration.ofMillis(300), waits);
    }

    private static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }

    private static NetlifyException failsWith(Failure expected, Executable call) {
        NetlifyException e = assertThrows(NetlifyException.class, call);
        assertEquals(expected, e.failure());
        assertEquals("Netlify", e.system());
        assertFalse(e.getMessage().contains(TOKEN), "the message must not contain the token");
        return e;
    }

    @Test
    void badTokenNamesTheVariableToFix() {
        netlify.stubFor(get(urlEqualTo(SITE_PATH)).willReturn(error(401, "error-401.json")));

        NetlifyException e = failsWith(Failure.UNAUTHORIZED, site::site);

        assertEquals(401, e.status());
        assertTrue(e.getMessage().startsWith("Netlify rejected NETLIFY_AUTH_TOKEN (401 Unauthorized) while reading site "
                + SITE_ID), e.getMessage());
        assertTrue(e.getMessage().contains("Personal access tokens"), e.getMessage());
    }

    @Test
    void underPrivilegedTokenSaysWhatItMayNotDo() {
        netlify.stubFor(post(urlEqualTo(RESTORE_PATH)).willReturn(error(403, "error-403.json")));

        NetlifyException e = failsWith(Failure.FORBIDDEN, () -> site.publishDeploy(DEPLOY_ID));

        assertEquals("Netlify refused publishing deploy " + DEPLOY_ID + " (403 Forbidden): NETLIFY_AUTH_TOKEN is valid"
                + " but its user may not do this on site " + SITE_ID + ". Use a token of a member of the site's team"
                + " who may deploy it.", e.getMessage());
    }

    @Test
    void unknownSiteNamesTheSiteIdSetting() {
        netlify.stubFor(get(urlEqualTo(SITE_PATH)).willReturn(error(404, "error-404.json")));

        NetlifyException e = failsWith(Failure.NOT_FOUND, site::site);

        assertTrue(e.getMessage().startsWith("Netlify has no site " + SITE_ID + " that NETLIFY_AUTH_TOKEN can see"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Check NETLIFY_SITE_ID"), e.getMessage());
    }

    @Test
    void unknownDeployNamesTheDeployId() {
        String gone = "0123456789abcdef01234567";
        netlify.stubFor(get(urlEqualTo(SITE_PATH + "/deploys/" + gone)).willReturn(error(404, "error-404.json")));

        NetlifyException e = failsWith(Failure.NOT_FOUND, () -> site.deploy(gone));

        assertTrue(e.getMessage().startsWith("Netlify has no deploy " + gone + " on site " + SITE_ID
                + " (404 while reading deploy " + gone + ")."), e.getMessage());
    }

    @Test
    void refusedRestoreSurfacesNetlifysMessageAndWhatCanBePublished() {
        netlify.stubFor(post(urlEqualTo(RESTORE_PATH)).willReturn(error(422, "error-422.json")));

        NetlifyException e = failsWith(Failure.REJECTED, () -> site.publishDeploy(DEPLOY_ID));

        assertEquals(422, e.status());
        assertEquals("Netlify refused publishing deploy " + DEPLOY_ID + ": Unprocessable Entity (422). Only a deploy"
                + " in state ready can be published.", e.getMessage());
    }

    @Test
    void refusedBuildSurfacesNetlifysOwnWords() {
        netlify.stubFor(post(urlEqualTo(SITE_PATH + "/builds")).willReturn(aResponse().withStatus(422)
                .withBody("{\"code\":422,\"message\":\"Builds are stopped for this site\"}")));

        NetlifyException e = failsWith(Failure.REJECTED, () -> site.triggerBuild(false));

        assertTrue(e.getMessage().startsWith("Netlify refused triggering a build of site " + SITE_ID
                + ": Builds are stopped for this site (422)."), e.getMessage());
    }

    @Test
    void rateLimitSaysHowLongToWaitFromRetryAfter() {
        netlify.stubFor(get(urlEqualTo(SITE_PATH + "/files")).willReturn(error(429, "error-429.json")
                .withHeader("Retry-After", "42")));

        NetlifyException e = failsWith(Failure.RATE_LIMITED, site::files);

        assertEquals(Duration.ofSeconds(42), e.retryAfter().orElseThrow());
        assertTrue(e.getMessage().endsWith("Try again in 42 s."), e.getMessage());
        // 42 s is past the retry budget, so the GET is not retried.
        netlify.verify(1, getRequestedFor(urlEqualTo(SITE_PATH + "/files")));
    }

    @Test
    void rateLimitSaysHowLongToWaitFromTheResetTime() {
        long reset = Instant.now().plusSeconds(150).getEpochSecond();
        netlify.stubFor(post(urlEqualTo(SITE_PATH + "/builds")).willReturn(error(429, "error-429.json")
                .withHeader("X-RateLimit-Limit", "500").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(reset))));

        NetlifyException e = failsWith(Failure.RATE_LIMITED, () -> site.triggerBuild(false));

        long seconds = e.retryAfter().orElseThrow().toSeconds();
        assertTrue(seconds > 140 && seconds <= 150, "retry after " + seconds);
        assertTrue(e.getMessage().matches(".*Try again in 2 min \\d+ s\\.$"), e.getMessage());
    }

    @Test
    void serverErrorOnAPostIsNotRetriedAndMayHaveHappened() {
        netlify.stubFor(post(urlEqualTo(RESTORE_PATH)).willReturn(error(500, "error-500.json")));

        NetlifyException e = failsWith(Failure.SERVER_ERROR, () -> site.publishDeploy(DEPLOY_ID));

        netlify.verify(1, postRequestedFor(urlEqualTo(RESTORE_PATH)));
        assertEquals(500, e.status());
        assertEquals("Netlify failed while publishing deploy " + DEPLOY_ID + " (500). The request may still have"
                + " taken effect: check the deploy list before repeating it. Netlify may be having an incident:"
                + " check https://www.netlifystatus.com, then try again.", e.getMessage());
    }

    @Test
    void serverErrorOnAGetIsRetriedThenSucceeds() {
        netlify.stubFor(get(urlEqualTo(SITE_PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(error(500, "error-500.json")).willSetStateTo("recovered"));
        netlify.stubFor(get(urlEqualTo(SITE_PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(fixture("site.json"))));

        Site result = site.site();

        assertEquals(SITE_ID, result.id());
        netlify.verify(2, getRequestedFor(urlEqualTo(SITE_PATH)));
        assertEquals(1, waits.size(), "one back-off between the two attempts");
    }

    @Test
    void serverErrorThatPersistsFailsAfterTheRetryBudget() {
        netlify.stubFor(get(urlEqualTo(SITE_PATH)).willReturn(aResponse().withStatus(503)
                .withBody("<html><body>upstream connect error</body></html>")));

        NetlifyException e = failsWith(Failure.SERVER_ERROR, site::site);

        netlify.verify(3, getRequestedFor(urlEqualTo(SITE_PATH)));
        assertEquals("Netlify failed while reading site " + SITE_ID + " (503). Netlify may be having an incident:"
                + " check https://www.netlifystatus.com, then try again.", e.getMessage());
    }

    @Test
    void successWithABodyThatIsNotJsonIsMalformed() {
        netlify.stubFor(get(urlEqualTo(SITE_PATH + "/deploys?per_page=10")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<!doctype html><title>Captive portal</title>")));

        NetlifyException e = failsWith(Failure.MALFORMED, () -> site.deploys(10));

        assertTrue(e.getMessage().startsWith("Netlify answered listing the deploys of site " + SITE_ID
                + " with a body Lifeboat could not read (status 200"), e.getMessage());
        assertTrue(e.getMessage().contains("NETLIFY_API_URL (" + netlify.baseUrl() + "/api/v1)"), e.getMessage());
    }

    @Test
    void truncatedJsonIsMalformed() {
        netlify.stubFor(post(urlEqualTo(SITE_PATH + "/builds")).willReturn(okJson("{\"id\":\"663f1c2a9b8e\",\"deploy_")));

        failsWith(Failure.MALFORMED, () -> site.triggerBuild(false));
    }

    @Test
    void slowAnswerIsATimeout() {
        netlify.stubFor(post(urlEqualTo(SITE_PATH + "/builds")).willReturn(okJson(fixture("build.json"))
                .withFixedDelay(2_000)));

        NetlifyException e = failsWith(Failure.TIMEOUT, () -> site.triggerBuild(false));

        assertEquals(0, e.status());
        assertEquals("Netlify did not answer in time while triggering a build of site " + SITE_ID + ". The request"
                + " may still have taken effect: check the deploy list before repeating it. Its API may be slow:"
                + " check https://www.netlifystatus.com and try again.", e.getMessage());
        netlify.verify(1, postRequestedFor(urlEqualTo(SITE_PATH + "/builds")));
    }

    @Test
    void refusedConnectionNamesTheApiUrlSetting() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NetlifySite unreachable = NetlifyTestSupport.client("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1),
                waits);

        NetlifyException e = failsWith(Failure.UNREACHABLE, unreachable::site);

        assertEquals("Could not reach Netlify at http://127.0.0.1:" + closedPort + "/api/v1 while reading site "
                + SITE_ID + " (connection refused or reset, or DNS failure). Check NETLIFY_API_URL and this server's"
                + " network, then try again.", e.getMessage());
    }
}
