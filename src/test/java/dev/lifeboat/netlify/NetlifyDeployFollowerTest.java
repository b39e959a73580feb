package dev.lifeboat.netlify;

import dev.lifeboat.testing.ManualClock;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.lifeboat.netlify.NetlifyTestSupport.SITE_PATH;
import static dev.lifeboat.netlify.NetlifyTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Following a deploy against Netlify's answers over time, with a clock that moves only when the follower sleeps. */
@Timeout(10)
class NetlifyDeployFollowerTest {
    @RegisterExtension
    static WireMockExtension netlify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String DEPLOY_ID = "663f1c2a9b8e7d0008a1b2c6";
    private static final String DEPLOY_PATH = SITE_PATH + "/deploys/" + DEPLOY_ID;

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-11T09:40:13Z"));
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<DeployState> reported = new ArrayList<>();
    private DeployFollower follower;

    @BeforeEach
    void setUp() {
        NetlifySite site = NetlifyTestSupport.client(netlify.baseUrl(), Duration.ofSeconds(5), new ArrayList<>());
        follower = new DeployFollower(site, clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        }, Duration.ofSeconds(2));
    }

    /** Netlify answers each poll with the next fixture in turn, then keeps answering the last. */
    private static void answers(String... fixtures) {
        for (int i = 0; i < fixtures.length; i++) {
            String state = i == 0 ? STARTED : "poll " + i;
            netlify.stubFor(get(urlEqualTo(DEPLOY_PATH)).inScenario("deploy")
                    .whenScenarioStateIs(state)
                    .willReturn(okJson(fixture(fixtures[i])))
                    .willSetStateTo(i == fixtures.length - 1 ? state : "poll " + (i + 1)));
        }
    }

    @Test
    void followsABuildUntilReadyReportingEachStateOnce() throws InterruptedException {
        answers("deploy-enqueued.json", "deploy-building.json", "deploy-building.json", "deploy-ready.json");

        DeployOutcome outcome = follower.follow(DEPLOY_ID, Duration.ofMinutes(10), d -> reported.add(d.state()));

        DeployOutcome.Ready ready = assertInstanceOf(DeployOutcome.Ready.class, outcome);
        assertEquals(DeployState.READY, ready.deploy().state());
        assertEquals(List.of(DeployState.ENQUEUED, DeployState.BUILDING, DeployState.READY), reported);
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeps);
        netlify.verify(4, getRequestedFor(urlEqualTo(DEPLOY_PATH)));
        assertEquals("Deploy " + DEPLOY_ID + " is ready and published.", outcome.summary());
    }

    @Test
    void aBuildThatFailsEndsWithNetlifysErrorMessage() throws InterruptedException {
        answers("deploy-building.json", "deploy-error.json");

        DeployOutcome outcome = follower.follow(DEPLOY_ID, Duration.ofMinutes(10), d -> reported.add(d.state()));

        DeployOutcome.Failed failed = assertInstanceOf(DeployOutcome.Failed.class, outcome);
        assertEquals("Failed during stage 'building site': Build script returned non-zero exit code: 2",
                failed.reason());
        assertEquals(List.of(DeployState.BUILDING, DeployState.ERROR), reported);
        assertEquals("Deploy " + DEPLOY_ID + " ended in state error: Failed during stage 'building site': Build"
                + " script returned non-zero exit code: 2", outcome.summary());
    }

    @Test
    void aCanceledDeployEndsAsFailedSayingSo() throws InterruptedException {
        netlify.stubFor(get(urlEqualTo(DEPLOY_PATH)).willReturn(okJson(
                fixture("deploy-building.json").replace("\"state\": \"building\"", "\"state\": \"canceled\""))));

        DeployOutcome outcome = follower.follow(DEPLOY_ID, Duration.ofMinutes(10), d -> reported.add(d.state()));

        assertEquals("it was canceled", assertInstanceOf(DeployOutcome.Failed.class, outcome).reason());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void stopsAtTheDeadlineWithATimeoutThatSaysTheBuildMayStillFinish() throws InterruptedException {
        answers("deploy-building.json");

        DeployOutcome outcome = follower.follow(DEPLOY_ID, Duration.ofSeconds(5), d -> reported.add(d.state()));

        DeployOutcome.TimedOut timedOut = assertInstanceOf(DeployOutcome.TimedOut.class, outcome);
        assertEquals(Duration.ofSeconds(5), timedOut.waited());
        assertEquals(DeployState.BUILDING, timedOut.deploy().state());
        // polls at 0 s, 2 s, 4 s and a last one at the 5 s deadline
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1)), sleeps);
        netlify.verify(4, getRequestedFor(urlEqualTo(DEPLOY_PATH)));
        assertEquals(List.of(DeployState.BUILDING), reported);
        assertEquals("Deploy " + DEPLOY_ID + " was still building after 5 s; Lifeboat stopped waiting, but Netlify"
                + " may still finish it. Watch it at https://app.netlify.com/sites/lifeboat-www/deploys/" + DEPLOY_ID
                + ".", outcome.summary());
    }

    @Test
    void refusesANonPositiveInterval() {
        NetlifySite site = NetlifyTestSupport.client(netlify.baseUrl(), Duration.ofSeconds(5), new ArrayList<>());
        assertThrows(IllegalArgumentException.class, () -> new DeployFollower(site, clock, d -> { }, Duration.ZERO));
    }
}
