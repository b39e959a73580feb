package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.lifeboat.slack.StatusWorld.APP_INFO;
import static dev.lifeboat.slack.StatusWorld.UPSTREAM_CALLS;
import static dev.lifeboat.slack.StatusWorld.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lifeboat.s3.S3ProxyExtension;
import dev.lifeboat.s3.S3ProxyServer;
import dev.lifeboat.slack.StatusWorld.Sent;
import dev.lifeboat.status.StatusTimings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A crowd typing {@code /dr status} during an incident costs one round of upstream calls. Its own server, with the
 * production share window, so no other test's round can be reused (and none is run before the crowd).
 */
@ExtendWith(S3ProxyExtension.class)
class SlackStatusCrowdEndToEndTest {
    static final int CROWD = 20;
    static final StatusTimings TIMINGS = new StatusTimings(Duration.ofSeconds(2), StatusTimings.DEFAULT.shareWindow());

    static StatusWorld world;

    @BeforeAll
    static void start(S3ProxyServer s3) throws Exception {
        world = StatusWorld.start(s3, TIMINGS, env -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
    }

    @Test
    void twentyConcurrentRequestsCostOneCallPerUpstreamAndGetTwentyAnswersOfTheSameRound() throws Exception {
        world.greenWorld();
        // A slower Heroku keeps the round in flight while the crowd arrives.
        world.stub(get(urlEqualTo(APP_INFO)).willReturn(okJson(StatusWorld.fixture("status/heroku-app.json"))
                .withFixedDelay(300)));

        List<CompletableFuture<Sent>> sending = new ArrayList<>();
        for (int i = 0; i < CROWD; i++) {
            sending.add(world.statusAsync(String.format("U0CROWD%02d", i)));
        }
        List<JsonNode> answers = new ArrayList<>();
        for (CompletableFuture<Sent> sent : sending) {
            answers.add(world.answer(sent.join()));
        }

        assertEquals(CROWD, answers.size());
        for (String url : UPSTREAM_CALLS) {
            world.wire.verify(1, getRequestedFor(urlEqualTo(url)));
        }
        Set<String> shareIds = new HashSet<>();
        ArrayNode first = report(answers.get(0));
        for (JsonNode answer : answers) {
            assertEquals(":white_check_mark: *All clear*", verdict(answer));
            assertEquals(first, report(answer), "every answer shows the same round, as of the same moment");
            JsonNode blocks = answer.path("blocks");
            shareIds.add(blocks.path(blocks.size() - 1).path("elements").path(0).path("value").asText());
        }
        assertEquals(CROWD, shareIds.size(), "each person can share their own copy");
    }

    /** The report's blocks without the share button, whose value is per answer. */
    private static ArrayNode report(JsonNode answer) {
        ArrayNode blocks = (ArrayNode) answer.path("blocks").deepCopy();
        blocks.remove(blocks.size() - 1);
        return blocks;
    }
}
