package dev.lifeboat.github;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.ErrorTranslator;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpFailure;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * All of GitHub's failure mapping: every failed call becomes a {@link GitHubException} saying what failed and what
 * to change. An unknown branch, tag or commit (404, or 422 "No commit found for SHA") is {@link Failure#NOT_FOUND};
 * a 403 that is GitHub's rate limit is {@link Failure#RATE_LIMITED}. Never includes the token.
 */
final class GitHubErrors implements ErrorTranslator {
    static final String STATUS_PAGE = "https://www.githubstatus.com";

    private final String apiUrl;
    private final String basePath;
    private final boolean hasToken;

    GitHubErrors(URI apiUrl, boolean hasToken) {
        this.apiUrl = Redact.url(apiUrl.toString());
        String path = apiUrl.getRawPath() == null ? "" : apiUrl.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.hasToken = hasToken;
    }

    @Override
    public GitHubException translate(HttpFailure f) {
        Call call = call(f.path());
        Optional<String> said = f.apiMessage().map(Redact::text);
        boolean rateLimited = f.failure() == Failure.RATE_LIMITED || f.status() == 403
                && said.map(s -> s.toLowerCase(Locale.ROOT).contains("rate limit")).orElse(false);
        if (rateLimited) {
            return new GitHubException(Failure.RATE_LIMITED, f.status(), f.retryAfter().orElse(null),
                    "GitHub's rate limit was reached while " + call.action + " (" + f.status() + ")"
                            + (hasToken ? "." : ": without GITHUB_TOKEN GitHub allows 60 calls an hour; set GITHUB_TOKEN"
                            + " for 5,000.") + " " + f.retryAfter().map(w -> "Try again in " + describe(w) + ".")
                            .orElse("Try again later."));
        }
        boolean unknownRef = call.ref != null && (f.failure() == Failure.NOT_FOUND
                || f.status() == 422 && said.map(s -> s.startsWith("No commit found")).orElse(true));
        if (unknownRef) {
            return new GitHubException(Failure.NOT_FOUND, f.status(), null, "GitHub has no branch, tag or commit `"
                    + call.ref + "` in " + call.repo + " (" + f.status() + ")." + (!hasToken
                    ? " If the repository is private, set GITHUB_TOKEN to a token that can read it."
                    : f.status() == 404 ? " (GitHub answers the same for a repository GITHUB_TOKEN cannot read: if every"
                    + " ref is refused, check LIFEBOAT_GITHUB_REPO and the token's access.)" : ""));
        }
        String message = switch (f.failure()) {
            case UNAUTHORIZED -> "GitHub rejected GITHUB_TOKEN (401) while " + call.action + ": the token is wrong,"
                    + " expired or revoked. Create a token with read access to the repository's contents and set"
                    + " GITHUB_TOKEN to it.";
            case FORBIDDEN -> "GitHub refused " + call.action + " (403): GITHUB_TOKEN may not read " + call.repo
                    + ". Give the token read access to the repository's contents." + github(said);
            case NOT_FOUND -> "GitHub has no repository " + call.repo + " that " + (hasToken ? "GITHUB_TOKEN can see"
                    : "can be read without a token") + " (404 while " + call.action + "). Check LIFEBOAT_GITHUB_REPO"
                    + (hasToken ? " and the token's access." : "; for a private repository set GITHUB_TOKEN.");
            case REJECTED -> "GitHub refused " + call.action + " (" + f.status() + "): "
                    + said.orElse("it gave no reason.");
            case RATE_LIMITED -> throw new IllegalStateException("handled above");
            case SERVER_ERROR -> "GitHub failed while " + call.action + " (" + f.status() + "). GitHub may be having"
                    + " an incident: check " + STATUS_PAGE + ", then try again.";
            case MALFORMED -> "GitHub answered " + call.action + " with something Lifeboat could not read (not the"
                    + " JSON expected). A proxy may have answered: check GITHUB_API_URL (" + apiUrl + ").";
            case TIMEOUT -> "GitHub did not answer in time while " + call.action + ". Check " + STATUS_PAGE
                    + " and try again.";
            case UNREACHABLE -> "Could not reach GitHub at " + apiUrl + " while " + call.action
                    + " (connection refused or reset, or DNS failure). Check GITHUB_API_URL and this server's network.";
            case TLS -> "The secure connection to GitHub at " + apiUrl + " failed while " + call.action
                    + " (TLS handshake or certificate). Check GITHUB_API_URL and any proxy in between.";
            case UNEXPECTED -> f.isRedirect()
                    ? "GitHub answered with a redirect (" + f.status() + ") while " + call.action + ". "
                            + f.redirectNote("GITHUB_API_URL")
                    : "GitHub answered " + f.status() + " while " + call.action + "." + github(said);
        };
        if (f.failure() == Failure.MALFORMED) {
            return new GitHubException(Failure.MALFORMED, f.status(), null, message);
        }
        return new GitHubException(f, message);
    }

    /** What a call was doing, read from its path: {@code /repos/{owner}/{repo}/(commits|tarball)/{ref}}. */
    private Call call(String rawPath) {
        String path = rawPath.startsWith(basePath) ? rawPath.substring(basePath.length()) : rawPath;
        List<String> p = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
        if (p.size() < 3 || !p.get(0).equals("repos")) {
            return new Call("calling " + rawPath, "(unknown)", null);
        }
        String repo = p.get(1) + "/" + p.get(2);
        if (p.size() >= 5 && p.get(3).equals("commits")) {
            return new Call("reading commit `" + p.get(4) + "` of " + repo, repo, p.get(4));
        }
        if (p.size() >= 5 && p.get(3).equals("tarball")) {
            return new Call("asking for the source tarball of " + p.get(4) + " in " + repo, repo, p.get(4));
        }
        return new Call("reading " + repo, repo, null);
    }

    private static String github(Optional<String> said) {
        return said.map(text -> " GitHub said: " + text).orElse("");
    }

    /** "37 s", "12 min". */
    static String describe(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return seconds < 60 ? seconds + " s" : (seconds + 59) / 60 + " min";
    }

    private record Call(String action, String repo, String ref) {
    }
}
