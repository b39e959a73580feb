package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.lifeboat.slack.StatusWorld.ONCALL;
import static dev.lifeboat.slack.StatusWorld.SITE;
import static dev.lifeboat.slack.StatusWorld.SITE_ID;
import static dev.lifeboat.slack.StatusWorld.SITE_PAGE;
import static dev.lifeboat.slack.StatusWorld.assertLines;
import static dev.lifeboat.slack.StatusWorld.section;
import static dev.lifeboat.slack.StatusWorld.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.s3.S3ProxyExtension;
import dev.lifeboat.s3.S3ProxyServer;
import dev.lifeboat.status.StatusTimings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /dr status} when part of the configuration is missing: what is not configured says so and what to set,
 * and is not a failure. Two servers, one without Netlify at all and one with Netlify but without {@code SITE_URL}.
 * The Netlify status page stays pointed at the stand-in: it needs no configuration and is always checked.
 */
@ExtendWith(S3ProxyExtension.class)
class SlackStatusConfigurationEndToEndTest {
    static final StatusTimings TIMINGS = new StatusTimings(Duration.ofSeconds(2), Duration.ZERO);

    static StatusWorld withoutNetlify;
    static StatusWorld withoutSiteUrl;

    @BeforeAll
    static void start(S3ProxyServer s3) throws Exception {
        withoutNetlify = StatusWorld.start(s3, TIMINGS, env -> {
            for (String name : List.of("NETLIFY_AUTH_TOKEN", "NETLIFY_SITE_ID", "NETLIFY_API_URL", "SITE_URL")) {
                env.remove(name);
            }
        });
        withoutSiteUrl = StatusWorld.start(s3, TIMINGS, env -> env.remove("SITE_URL"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            withoutNetlify.close();
        } finally {
            withoutSiteUrl.close();
        }
    }

    @Test
    void withoutNetlifyTheWebsiteSaysWhatToSetAndTheVerdictStaysAllClear() throws Exception {
        withoutNetlify.greenWorld();

        JsonNode answer = withoutNetlify.answer(withoutNetlify.status(ONCALL));

        assertEquals(":white_check_mark: *All clear*", verdict(answer));
        assertLines(section(answer, "Website"),
                ":white_circle: *Website* — not configured",
                "Netlify: _not configured (set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID)_",
                "Site check: _not configured (set SITE_URL or NETLIFY_SITE_ID)_");
        assertTrue(section(answer, "App").startsWith(":large_green_circle: *App (acme-prod)* — ok\n"), section(answer, "App"));
        assertTrue(section(answer, "Database").startsWith(":large_green_circle: *Database* — ok\n"), section(answer, "Database"));
        assertLines(section(answer, "Platforms"),
                ":large_green_circle: *Platforms* — ok",
                "*Heroku*: Apps green, Data green, Tools green",
                "*Netlify*: All Systems Operational");
        withoutNetlify.wire.verify(0, anyRequestedFor(urlPathMatching("/netlify/.*")));
        withoutNetlify.wire.verify(0, anyRequestedFor(urlEqualTo(SITE_PAGE)));
    }

    @Test
    void withoutSiteUrlTheSitesOwnUrlFromNetlifyIsProbed() throws Exception {
        withoutSiteUrl.greenWorld();
        String site = withoutSiteUrl.baseUrl() + SITE_PAGE;

        JsonNode answer = withoutSiteUrl.answer(withoutSiteUrl.status(ONCALL));

        assertEquals(":white_check_mark: *All clear*", verdict(answer));
        assertLines(section(answer, "Website"),
                ":large_green_circle: *Website (acme-www)* — ok",
                "Published deploy `663d2b8e` (ready) 24 h ago — Fix footer links on pricing page",
                "Site <" + site + "|" + site + "> → 200 in {*} ms");
        withoutSiteUrl.wire.verify(1, getRequestedFor(urlEqualTo(SITE_PAGE)));
    }

    @Test
    void withoutSiteUrlTheSiteUrlNetlifyGaveBeforeIsStillCheckedWhenNetlifyFails() throws Exception {
        withoutSiteUrl.greenWorld();
        withoutSiteUrl.answer(withoutSiteUrl.status(ONCALL));
        withoutSiteUrl.stub(get(urlEqualTo(SITE)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":404,\"message\":\"Not Found\"}")));

        JsonNode answer = withoutSiteUrl.answer(withoutSiteUrl.status(ONCALL));

        String website = section(answer, "Website");
        assertTrue(website.startsWith(":grey_question: *Website* — unknown\nNetlify: :grey_question: Netlify has no site "
                + SITE_ID + " that NETLIFY_AUTH_TOKEN can see (404 while reading site " + SITE_ID + ")."), website);
        assertTrue(website.contains("\nSite <"), website);
        assertTrue(website.contains("> → 200 in "), website);
        assertEquals(":warning: *Degraded*\nSome checks did not answer: Website (Netlify). The rest looks fine.", verdict(answer));
        withoutSiteUrl.wire.verify(2, anyRequestedFor(urlEqualTo(SITE_PAGE)));
    }
}
