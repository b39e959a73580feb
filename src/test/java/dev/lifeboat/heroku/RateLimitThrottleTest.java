package dev.lifeboat.heroku;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.lifeboat.heroku.HerokuTestSupport.APP;
import static dev.lifeboat.heroku.HerokuTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.heroku.HerokuTestSupport.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calls slow down as Heroku's RateLimit-Remaining runs low, before it runs out. */
class RateLimitThrottleTest {
    @RegisterExtension
    static WireMockExtension heroku = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void plentyRemainingMeansNoPause() {
        assertEquals(Duration.ZERO, RateLimitThrottle.delayFor(4500));
        assertEquals(Duration.ZERO, RateLimitThrottle.delayFor(RateLimitThrottle.LOW));
    }

    @Test
    void thePauseGrowsAsTheAllowanceShrinks() {
        assertEquals(Duration.ofMillis(10), RateLimitThrottle.delayFor(99));
        assertEquals(Duration.ofMillis(500), RateLimitThrottle.delayFor(50));
        assertEquals(Duration.ofMillis(900), RateLimitThrottle.delayFor(10));
        assertEquals(Duration.ofSeconds(1), RateLimitThrottle.delayFor(0));
        assertEquals(Duration.ofSeconds(1), RateLimitThrottle.delayFor(-3));
    }

    @Test
    void theNextCallWaitsOnceHerokuReportsFewCallsLeft() {
        respondInTurn("4400", "60", "20");
        RecordingSleeper pacing = new RecordingSleeper();
        RateLimitThrottle throttle = new RateLimitThrottle(pacing);
        HerokuPlatform platform = HerokuTestSupport.client(heroku.baseUrl(), Duration.ofSeconds(5),
                new RecordingSleeper(), throttle);

        platform.app(APP); // nothing known yet: no pause; Heroku says 4400 left
        platform.app(APP); // 4400 left: no pause; Heroku says 60 left
        platform.app(APP); // 60 left: a short pause; Heroku says 20 left
        platform.app(APP); // 20 left: a longer pause

        assertEquals(List.of(Duration.ofMillis(400), Duration.ofMillis(800)), pacing.pauses);
        assertEquals(20, throttle.remaining());
    }

    @Test
    void anUnreadableHeaderKeepsTheLastKnownValue() {
        respondInTurn("42", "lots");
        RateLimitThrottle throttle = new RateLimitThrottle(new RecordingSleeper());
        HerokuPlatform platform = HerokuTestSupport.client(heroku.baseUrl(), Duration.ofSeconds(5),
                new RecordingSleeper(), throttle);

        platform.app(APP);
        platform.app(APP);

        assertEquals(42, throttle.remaining());
    }

    private static void respondInTurn(String... remaining) {
        String state = STARTED;
        for (int i = 0; i < remaining.length; i++) {
            String next = i == remaining.length - 1 ? state : "call " + (i + 2);
            heroku.stubFor(get("/apps/" + APP).inScenario("allowance").whenScenarioStateIs(state)
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withHeader("RateLimit-Remaining", remaining[i]).withBody(fixture("app-info.json")))
                    .willSetStateTo(next));
            state = next;
        }
    }
}
