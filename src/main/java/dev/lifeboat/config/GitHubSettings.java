package dev.lifeboat.config;

import java.net.URI;
import java.util.Optional;

/**
 * The app's Git repository on GitHub, which {@code redeploy} builds from.
 *
 * @param repo      {@code LIFEBOAT_GITHUB_REPO}, {@code owner/name}
 * @param token     {@code GITHUB_TOKEN}; needed for a private repository (read access to its contents)
 * @param stableRef {@code LIFEBOAT_STABLE_REF}, the branch, tag or commit a plain {@code redeploy} builds
 * @param apiUrl    {@code GITHUB_API_URL}
 */
public record GitHubSettings(
        Optional<String> repo,
        Optional<Secret> token,
        String stableRef,
        URI apiUrl) {

    public static final String DEFAULT_API_URL = "https://api.github.com";
    public static final String DEFAULT_STABLE_REF = "main";

    /** True when Lifeboat knows which repository to build from. */
    public boolean configured() {
        return repo.isPresent();
    }

    /** The owner part of {@code owner/name}. */
    public Optional<String> owner() {
        return repo.map(r -> r.substring(0, r.indexOf('/')));
    }

    /** The name part of {@code owner/name}. */
    public Optional<String> name() {
        return repo.map(r -> r.substring(r.indexOf('/') + 1));
    }
}
