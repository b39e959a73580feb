package dev.lifeboat.github;

import java.net.URI;

/**
 * What Lifeboat can do with the app's repository ({@code LIFEBOAT_GITHUB_REPO}): read only. Every method throws
 * {@link GitHubException} with a message a person can act on.
 */
public interface GitHubRepo {
    /** {@code owner/name}. */
    String fullName();

    /**
     * The commit a branch, tag or commit id names: {@code GET /repos/{owner}/{repo}/commits/{ref}}. An unknown ref is a
     * {@link GitHubException} with {@link dev.lifeboat.http.Failure#NOT_FOUND}.
     */
    Commit commit(String ref);

    /**
     * A URL from which anyone (Heroku) can download the commit's source as a gzipped tarball, without a token:
     * {@code GET /repos/{owner}/{repo}/tarball/{sha}} answers 302, and its {@code Location} (a short-lived codeload
     * URL, which for a private repository carries its own one-off token) is returned, never followed. It is a
     * capability: hand it to Heroku only, never record, show or log it.
     */
    URI sourceTarball(String sha);
}
