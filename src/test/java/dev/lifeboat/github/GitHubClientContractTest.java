package dev.lifeboat.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.inject.Guice;
import dev.lifeboat.config.GitHubSettings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpModule;
import dev.lifeboat.http.InvalidIdException;
import dev.lifeboat.http.Json;
import dev.lifeboat.http.RetryInterceptor;
import dev.lifeboat.http.RetryPolicy;
import dev.lifeboat.testing.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GitHub client against a stand-in answering with the shapes of GitHub's REST docs: resolving a ref, the
 * tarball's redirect handed back (never followed, the token never sent there), and every failure in words.
 */
class GitHubClientContractTest {
    static final String TOKEN = "ghp_T3stT0kenAbCdEf0123456789SECRETxyz";
    static final String SHA = "3b1f9c0d2e4a6b8c0d1e2f3a4b5c6d7e8f9a0b1c";
    static final OkHttpClient SHARED = Guice.createInjector(new HttpModule()).getInstance(OkHttpClient.class);

    WireMockServer wire;
    final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    String api() {
        return "http://127.0.0.1:" + wire.port() + "/gh";
    }

    GitHubRepo client(Optional<Secret> token) {
        GitHubSettings settings = new GitHubSettings(Optional.of("acme/shop"), token, "main", URI.create(api()));
        OkHttpClient http = GitHubModule.httpClient(SHARED, settings,
                new RetryInterceptor(RetryPolicy.DEFAULT, waits::add));
        return GitHubModule.client(http, Json.newMapper(), settings);
    }

    GitHubRepo client() {
        return client(Optional.of(new Secret(TOKEN)));
    }

    @Test
    void aBranchResolvesToItsCommitWithMessageAuthorAndDate() {
        wire.stubFor(get(urlEqualTo("/gh/repos/acme/shop/commits/main"))
                .willReturn(okJson(Fixtures.read("github/commit.json"))));

        Commit commit = client().commit("main");

        assertEquals(SHA, commit.sha());
        assertEquals("3b1f9c0", commit.shortSha());
        assertEquals("Fix checkout totals for carts in JPY", commit.subject());
        assertEquals("Dana Scully", commit.authorName());
        assertEquals(Optional.of(Instant.parse("2026-11-30T14:05:09Z")), commit.authoredAt());
        assertEquals(Optional.of("https://github.com/acme/shop/commit/" + SHA), commit.htmlUrl());
        wire.verify(getRequestedFor(urlEqualTo("/gh/repos/acme/shop/commits/main"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
    }

    @Test
    void aBranchWithASlashIsOnePathSegment() {
        wire.stubFor(get(urlEqualTo("/gh/repos/acme/shop/commits/release%2F2.13"))
                .willReturn(okJson(Fixtures.read("github/commit.json"))));

        assertEquals(SHA, client().commit("release/2.13").sha());
    }

    @Test
    void withoutATokenNoAuthorizationIsSent() {
        wire.stubFor(get(urlEqualTo("/gh/repos/acme/shop/commits/main"))
                .willReturn(okJson(Fixtures.read("github/commit.json"))));

        client(Optional.empty()).commit("main");

        wire.verify(getRequestedFor(urlEqualTo("/gh/repos/acme/shop/commits/main")).withHeader("Authorization", absent()));
    }

    @Test
    void anUnknownRefIsNotFoundWhetherGitHubSays404Or422() {
        wire.stubFor(get(urlEqualTo("/gh/repos/acme/shop/commits/no-such-branch")).willReturn(aResponse()
                .withStatus(422).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read("github/error-422-no-commit.json"))));
        wire.stubFor(get(urlEqualTo("/gh/repos/acme/shop/commits/gone")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read("github/error-404.json"))));

        GitHubException unknown = assertThrows(GitHubException.class, () -> client().commit("no-such-branch"));
        GitHubException gone = assertThrows(GitHubException.class, () -> client(Optional.empty()).commit("gone"));

        assertEquals(Failure.NOT_FOUND, unknown.failure());
        assertEquals("GitHub has no branch, tag or commit `no-such-branch` in acme/shop (422).", unknown.getMessage());
        assertEquals(Failure.NOT_FOUND, gone.failure());
        assertEquals("GitHub has no branch, tag or commit `gone` in acme/shop (404). If the repository is private, "
                + "set GITHUB_TOKEN to a token that can read it.", gone.getMessage());
    }

    @Test
    void aRejectedTokenAndTheRateLimitAreSaidPlainly() {
        wire.stubFor(get(urlEqualTo("/gh/repos/acme/shop/commits/main")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.read("github/error-401.json"))));
        GitHubException unauthorized = assertThrows(GitHubException.class, () -> client().commit("main"));
        assertEquals(Failure.UNAUTHORIZED, unauthorized.failure());
        assertTrue(unauthorized.getMessage().startsWith("GitHub rejected GITHUB_TOKEN (401)"), unauthorized.getMessage());
        assertFalse(unauthorized.getMessage().contains(TOKEN));

        long reset = Instant.now().plusSeconds(600).getEpochSecond();
        wire.stubFor(get(urlEqualTo("/gh/repos/acme/shop/commits/v1")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", Long.toString(reset))
                .withBody(Fixtures.read("github/error-403-rate-limit.json"))));
        GitHubException limited = assertThrows(GitHubException.class, () -> client(Optional.empty()).commit("v1"));
        assertEquals(Failure.RATE_LIMITED, limited.failure());
        assertTrue(limited.getMessage().contains("without GITHUB_TOKEN GitHub allows 60 calls an hour"),
                limited.getMessage());
        assertTrue(limited.retryAfter().isPresent());
    }

    @Test
    void theTarballIsTheRedirectsLocationNeverFollowedAndNeverGivenTheToken() {
        String codeload = "http://127.0.0.1:" + wire.port() + "/codeload/acme/shop/legacy.tar.gz/" + SHA
                + "?token=AABBCCDD-one-off-download-token";
        wire.stubFor(get(urlEqualTo("/gh/repos/acme/shop/tarball/" + SHA))
                .willReturn(aResponse().withStatus(302).withHeader("Location", codeload)));
        wire.stubFor(get(urlPathMatching("/codeload/.*")).willReturn(aResponse().withStatus(200).withBody("tarball")));

        URI tarball = client().sourceTarball(SHA);

        assertEquals(URI.create(codeload), tarball);
        wire.verify(getRequestedFor(urlEqualTo("/gh/repos/acme/shop/tarball/" + SHA))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        wire.verify(0, getRequestedFor(urlPathMatching("/codeload/.*")));
    }

    @Test
    void aTarballRequestThatIsNotARedirectIsReported() {
        wire.stubFor(get(urlEqualTo("/gh/repos/acme/shop/tarball/" + SHA)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.read("github/error-404.json"))));

        GitHubException e = assertThrows(GitHubException.class, () -> client().sourceTarball(SHA));

        assertEquals(Failure.NOT_FOUND, e.failure());
        assertTrue(e.getMessage().startsWith("GitHub has no branch, tag or commit `" + SHA + "` in acme/shop (404)"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a..b", "-x", "/main", "main/", "a b", "x.lock", "%2e%2e", ""})
    void refsThatAreNotRefsAreRefusedBeforeAnyRequest(String ref) {
        assertThrows(InvalidIdException.class, () -> client().commit(ref));
        assertEquals(0, wire.getAllServeEvents().size());
    }

    @Test
    void aTarballIsOnlyAskedForAFullSha() {
        assertThrows(InvalidIdException.class, () -> client().sourceTarball("main"));
        assertThrows(InvalidIdException.class, () -> client().sourceTarball("3b1f9c0"));
        assertEquals(0, wire.getAllServeEvents().size());
    }
}
