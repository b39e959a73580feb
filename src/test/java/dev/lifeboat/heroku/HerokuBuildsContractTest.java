package dev.lifeboat.heroku;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.heroku.HerokuTestSupport.ACCEPT;
import static dev.lifeboat.heroku.HerokuTestSupport.APP;
import static dev.lifeboat.heroku.HerokuTestSupport.TOKEN;
import static dev.lifeboat.heroku.HerokuTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.InvalidIdException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Build API (create, read, list), a release by id, the commit a release runs (release → slug), and the tail of
 * an output stream on another host: shapes from Heroku's Platform API schema.
 */
class HerokuBuildsContractTest {
    static final String SHA = "3b1f9c0d2e4a6b8c0d1e2f3a4b5c6d7e8f9a0b1c";
    static final String BUILD = "5e0c2a4b-6d8f-4a1c-9e3b-7d5f1a3c5e7b";
    static final String RELEASE = "7f1e3d5c-9b2a-4c6e-8f0a-1b3d5f7a9c2e";
    static final String SLUG = "4d6f8a0c-2e4a-4b6c-8d0e-3f5a7c9e1b4d";
    static final String TARBALL = "https://codeload.github.com/acme/shop/legacy.tar.gz/" + SHA + "?token=ONE-OFF-DL-TOKEN";

    @RegisterExtension
    static WireMockExtension heroku = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** build-output.heroku.com: another host, as in production. */
    @RegisterExtension
    static WireMockExtension output = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    HerokuBuilds builds;

    @BeforeEach
    void setUp() {
        builds = HerokuTestSupport.builds(heroku.baseUrl());
    }

    static String render(String name) {
        return fixture(name).replace("{{base}}", output.baseUrl()).replace("{{sha}}", SHA).replace("{{tarball}}", TARBALL);
    }

    @Test
    void createBuildPostsTheTarballAndTheShaAndKeepsNoTarballUrl() {
        heroku.stubFor(post("/apps/" + APP + "/builds").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(render("build-pending.json"))));

        Build build = builds.createBuild(APP, URI.create(TARBALL), SHA);

        heroku.verify(1, postRequestedFor(urlPathEqualTo("/apps/" + APP + "/builds"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo(ACCEPT))
                .withRequestBody(equalToJson("{\"source_blob\": {\"url\": \"" + TARBALL + "\", \"version\": \"" + SHA + "\"}}")));
        assertEquals(BUILD, build.id());
        assertEquals(BuildStatus.PENDING, build.status());
        assertEquals(Optional.of(SHA), build.version());
        assertEquals(Optional.empty(), build.releaseId());
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), build.createdAt());
        assertFalse(build.toString().contains("ONE-OFF-DL-TOKEN"), build.toString());
        assertFalse(build.toString().contains("build-stream-capability"), build.toString());
    }

    @Test
    void aSucceededBuildNamesItsReleaseAndAFailedOneNone() {
        heroku.stubFor(get("/apps/" + APP + "/builds/" + BUILD).willReturn(okJson(render("build-succeeded.json"))));
        Build built = builds.build(APP, BUILD);
        assertEquals(BuildStatus.SUCCEEDED, built.status());
        assertEquals(Optional.of(RELEASE), built.releaseId());

        heroku.stubFor(get("/apps/" + APP + "/builds/" + BUILD).willReturn(okJson(render("build-failed.json"))));
        Build failed = builds.build(APP, BUILD);
        assertEquals(BuildStatus.FAILED, failed.status());
        assertEquals(Optional.empty(), failed.releaseId());
        assertTrue(failed.outputStreamUrl().orElseThrow().startsWith(output.baseUrl() + "/build-output/streams/"));
    }

    @Test
    void buildsAreListedNewestFirstWithARange() {
        heroku.stubFor(get("/apps/" + APP + "/builds").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[" + render("build-failed.json") + "," + render("build-pending.json") + "]")));

        List<Build> list = builds.builds(APP, 20);

        assertEquals(2, list.size());
        heroku.verify(getRequestedFor(urlPathEqualTo("/apps/" + APP + "/builds"))
                .withHeader("Range", equalTo("started_at ..; max=20, order=desc")));
    }

    @Test
    void aReleaseByIdAndItsReleasePhaseStatus() {
        heroku.stubFor(get("/apps/" + APP + "/releases/" + RELEASE).willReturn(okJson(render("release-failed.json"))));

        Release release = builds.releaseById(APP, RELEASE);

        assertEquals("v43", release.label());
        assertEquals(ReleaseStatus.FAILED, release.status());
        assertFalse(release.current());
        assertTrue(release.outputStreamUrl().startsWith(output.baseUrl() + "/release-output/streams/"));
        assertFalse(release.toString().contains("release-stream-capability"), release.toString());
    }

    @Test
    void theCommitARunsIsItsSlugsCommit() {
        heroku.stubFor(get("/apps/" + APP + "/releases/" + RELEASE).willReturn(okJson(render("release-succeeded.json"))));
        heroku.stubFor(get("/apps/" + APP + "/slugs/" + SLUG).willReturn(okJson(render("slug.json"))));

        assertEquals(Optional.of(SHA), builds.releaseCommit(APP, RELEASE));
    }

    @Test
    void aReleaseWithoutASlugOrASlugWithoutACommitHasNoKnownCommit() {
        heroku.stubFor(get("/apps/" + APP + "/releases/" + RELEASE).willReturn(okJson(
                render("release-succeeded.json").replace("\"slug\": {\n    \"id\": \"" + SLUG + "\"\n  }", "\"slug\": null"))));
        assertEquals(Optional.empty(), builds.releaseCommit(APP, RELEASE));

        heroku.stubFor(get("/apps/" + APP + "/releases/" + RELEASE).willReturn(okJson(render("release-succeeded.json"))));
        heroku.stubFor(get("/apps/" + APP + "/slugs/" + SLUG).willReturn(okJson(
                render("slug.json").replace("\"commit\": \"" + SHA + "\"", "\"commit\": null"))));
        assertEquals(Optional.empty(), builds.releaseCommit(APP, RELEASE));
    }

    @Test
    void theOutputTailKeepsTheLastLinesRedactedAndSendsNoToken() {
        output.stubFor(get(urlPathEqualTo("/build-output/streams/" + BUILD)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody(fixture("build-output-failed.txt"))));
        String url = output.baseUrl() + "/build-output/streams/" + BUILD + "?token=build-stream-capability-0123";

        LogLines tail = builds.outputTail(url, 10, Duration.ofSeconds(5));

        assertEquals(10, tail.lines().size());
        assertEquals(LogLines.End.LINE_LIMIT, tail.end(), "earlier lines were left out");
        assertEquals(" !     Push failed", tail.lines().get(9));
        assertTrue(tail.lines().get(0).startsWith("       Fetching source index from https://****@gems.acme.example/"),
                tail.lines().get(0));
        assertFalse(String.join("\n", tail.lines()).contains("s3cr3t-registry-pass"));
        output.verify(getRequestedFor(urlPathEqualTo("/build-output/streams/" + BUILD)).withHeader("Authorization", absent()));

        LogLines all = builds.outputTail(url, 100, Duration.ofSeconds(5));
        assertEquals(LogLines.End.COMPLETE, all.end());
        assertEquals(fixture("build-output-failed.txt").lines().count(), all.lines().size());
    }

    @Test
    void aMissingBuildIsNotFoundAndABadIdIsRefusedBeforeAnyCall() {
        heroku.stubFor(get("/apps/" + APP + "/builds/" + BUILD).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"not_found\", \"message\": \"Couldn't find that build.\"}")));

        HerokuException missing = assertThrows(HerokuException.class, () -> builds.build(APP, BUILD));
        assertEquals(Failure.NOT_FOUND, missing.failure());
        assertTrue(missing.getMessage().contains("builds '" + BUILD + "' on app '" + APP + "'"), missing.getMessage());

        int before = heroku.getAllServeEvents().size();
        assertThrows(InvalidIdException.class, () -> builds.build(APP, ".."));
        assertThrows(InvalidIdException.class, () -> builds.createBuild(APP, URI.create(TARBALL), "main"));
        assertThrows(InvalidIdException.class, () -> builds.releaseById(APP, "v43"));
        assertEquals(before, heroku.getAllServeEvents().size());
    }
}
