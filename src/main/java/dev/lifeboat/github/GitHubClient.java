package dev.lifeboat.github;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.http.ApiPath;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpFailure;
import dev.lifeboat.http.JsonHttp;
import dev.lifeboat.http.PathId;
import dev.lifeboat.http.RateLimits;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The real {@link GitHubRepo}, over GitHub's REST API. The client it is given adds the token (to the API's origin
 * only), {@code Accept} and the API version, follows no redirects, and retries GETs; see {@link GitHubModule}.
 */
final class GitHubClient implements GitHubRepo {
    private final OkHttpClient http;
    private final JsonHttp calls;
    private final GitHubErrors errors;
    private final HttpUrl apiUrl;
    private final String owner;
    private final String name;

    GitHubClient(OkHttpClient http, ObjectMapper json, GitHubErrors errors, HttpUrl apiUrl, String owner, String name) {
        this.http = http;
        this.calls = new JsonHttp(http, json, errors);
        this.errors = errors;
        this.apiUrl = apiUrl;
        this.owner = PathId.require(PathId.Kind.GITHUB_OWNER, owner);
        this.name = PathId.require(PathId.Kind.GITHUB_REPO, name);
    }

    @Override
    public String fullName() {
        return owner + "/" + name;
    }

    @Override
    public Commit commit(String ref) {
        HttpUrl url = repoPath().then("commits").id(PathId.Kind.GIT_REF, ref).build();
        CommitJson found = calls.call(new Request.Builder().url(url).get().build(), CommitJson.class);
        if (found.sha() == null || !PathId.isValid(PathId.Kind.GIT_SHA, found.sha())) {
            throw new GitHubException(Failure.MALFORMED, 200, null, "GitHub answered commit `" + ref + "` of "
                    + fullName() + " without a commit sha. Check GITHUB_API_URL: it should be GitHub's API.");
        }
        CommitJson.Person author = found.commit() == null ? null : found.commit().author();
        return new Commit(found.sha(), found.commit() == null ? "" : found.commit().message(),
                author == null ? null : author.name(), Optional.ofNullable(author).map(CommitJson.Person::date),
                Optional.ofNullable(found.htmlUrl()));
    }

    @Override
    public URI sourceTarball(String sha) {
        HttpUrl url = repoPath().then("tarball").id(PathId.Kind.GIT_SHA, sha).build();
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = http.newCall(request).execute()) {
            String location = response.header("Location");
            if (response.isRedirect() && location != null) {
                HttpUrl where = response.request().url().resolve(location);
                if (where == null || !where.isHttps() && !where.host().equals(apiUrl.host())) {
                    throw new GitHubException(Failure.UNEXPECTED, response.code(), null, "GitHub pointed the source"
                            + " tarball of " + sha + " to a location Heroku could not download from safely (not https).");
                }
                return where.uri();
            }
            if (response.isSuccessful() || response.isRedirect()) {
                throw new GitHubException(Failure.UNEXPECTED, response.code(), null, "GitHub answered the request for"
                        + " the source tarball of " + sha + " in " + fullName() + " with " + response.code()
                        + " instead of a redirect to the download. Check GITHUB_API_URL: it should be GitHub's API.");
            }
            String body = response.body() == null ? "" : response.body().string();
            throw errors.translate(new HttpFailure(JsonHttp.classify(response.code()), response.code(), "GET",
                    url.encodedPath(), message(body), RateLimits.retryAfter(response), null));
        } catch (IOException e) {
            throw errors.translate(new HttpFailure(JsonHttp.classify(e), 0, "GET", url.encodedPath(),
                    Optional.empty(), Optional.empty(), e));
        }
    }

    private Optional<String> message(String body) {
        try {
            String said = calls.json().readTree(body).path("message").asText("");
            return said.isBlank() ? Optional.empty() : Optional.of(said.length() > 300 ? said.substring(0, 300) : said);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private ApiPath repoPath() {
        return ApiPath.under(apiUrl).then("repos").id(PathId.Kind.GITHUB_OWNER, owner).id(PathId.Kind.GITHUB_REPO, name);
    }

    /** The wire shape of a commit: only what Lifeboat shows. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CommitJson(String sha, @JsonProperty("html_url") String htmlUrl, Detail commit) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Detail(String message, Person author) {
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Person(String name, Instant date) {
        }
    }
}
