package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.testing.Fixtures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which answers of Slack's end the attempts (a bad token) and which are worth waiting out. */
class SlackCheckTest {
    static final String BOT_TOKEN = "xoxb-1111-2222-check-token";
    static final String APP_TOKEN = "xapp-1-A0LIFEBOAT-3333-check-app-token";

    WireMockServer wire;

    @BeforeEach
    void start() {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    SlackCheck check(String apiUrl, boolean socketMode) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", "secret");
        env.put("SLACK_API_URL", apiUrl);
        if (socketMode) {
            env.put("SLACK_APP_TOKEN", APP_TOKEN);
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        return new SlackCheck(Slack.getInstance(config), LifeboatConfig.load(Env.of(env)).slack());
    }

    String api() {
        return "http://127.0.0.1:" + wire.port() + "/api/";
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"})
    void aDefiniteRefusalOfTheBotTokenEndsTheAttemptsNamingTheVariableNeverTheToken(String error) {
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":false,\"error\":\"" + error + "\"}")));

        SlackCheck.Result result = check(api(), false).check();

        SlackCheck.Refused refused = assertInstanceOf(SlackCheck.Refused.class, result);
        assertTrue(refused.reason().startsWith("Slack refused SLACK_BOT_TOKEN (auth.test: " + error + "). Check the token"),
                refused.reason());
        assertFalse(refused.reason().contains(BOT_TOKEN));
        assertEquals("Bearer " + BOT_TOKEN, wire.findAll(postRequestedFor(urlEqualTo("/api/auth.test"))).get(0)
                .getHeader("Authorization"), "the check used the bot token");
    }

    @Test
    void anAcceptedTokenNamesTheWorkspaceAndTheBot() {
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));

        SlackCheck.Result result = check(api(), false).check();

        assertEquals(new SlackCheck.Accepted("lifeboat-test", "lifeboat"), result);
    }

    @Test
    void aSlackServerErrorIsNotAVerdictOnTheToken() {
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(aResponse().withStatus(503).withBody("upstream connect error")));

        SlackCheck.Result result = check(api(), false).check();

        assertEquals(new SlackCheck.Unknown("Slack answered auth.test with HTTP 503"), result);
    }

    @Test
    void aRateLimitOrAnOtherErrorIsWaitedOut() {
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":false,\"error\":\"ratelimited\"}")));

        assertEquals(new SlackCheck.Unknown("Slack answered auth.test with error ratelimited"), check(api(), false).check());
    }

    @Test
    void slackUnreachableSaysWhereItTriedAndIsWaitedOut() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String api = "http://127.0.0.1:" + closedPort + "/api/";

        SlackCheck.Unknown unknown = assertInstanceOf(SlackCheck.Unknown.class, check(api, false).check());

        assertTrue(unknown.reason().startsWith("cannot reach Slack at " + api + " for auth.test: ConnectException"),
                unknown.reason());
    }

    @Test
    void inSocketModeAnAppTokenSlackRefusesEndsTheAttemptsNamingIt() {
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wire.stubFor(post(urlEqualTo("/api/apps.connections.open")).willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));

        SlackCheck.Refused refused = assertInstanceOf(SlackCheck.Refused.class, check(api(), true).check());

        assertTrue(refused.reason().startsWith("Slack refused SLACK_APP_TOKEN (apps.connections.open: invalid_auth). "
                + "Check the app-level token"), refused.reason());
        assertFalse(refused.reason().contains(APP_TOKEN));
    }

    @Test
    void theAppTokenIsNotTriedWhileTheBotTokenIsRefused() {
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":false,\"error\":\"token_revoked\"}")));

        assertInstanceOf(SlackCheck.Refused.class, check(api(), true).check());
        assertTrue(wire.findAll(postRequestedFor(urlEqualTo("/api/apps.connections.open"))).isEmpty());
    }

    @Test
    void aFailureCarryingAnErrorNameIsJudgedByIt() {
        assertInstanceOf(SlackCheck.Unknown.class, SlackCheck.judge("auth.test", "SLACK_BOT_TOKEN", "https://slack.com/api/",
                new ConnectException("Failed to connect to slack.com/1.2.3.4:443")));
        assertInstanceOf(SlackCheck.Unknown.class, SlackCheck.judge("auth.test", "SLACK_BOT_TOKEN", false, "fatal_error"));
        assertInstanceOf(SlackCheck.Unknown.class, SlackCheck.judge("auth.test", "SLACK_BOT_TOKEN", false, null));
    }
}
