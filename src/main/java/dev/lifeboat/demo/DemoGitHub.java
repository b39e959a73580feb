package dev.lifeboat.demo;

import dev.lifeboat.config.GitHubSettings;
import dev.lifeboat.github.Commit;
import dev.lifeboat.github.GitHubException;
import dev.lifeboat.github.GitHubRepo;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.PathId;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated repository ({@code LIFEBOAT_GITHUB_REPO}, or {@value #DEFAULT_REPO}) with a few commits: {@code main}
 * is the commit the simulated app runs now, {@code v2.14.0} and {@code release/2.13} older ones. Refs resolve the way
 * GitHub resolves them (a branch, a tag, a full sha or a unique prefix of 7 or more); anything else is GitHub's 404.
 */
public final class DemoGitHub implements GitHubRepo {
    public static final String DEFAULT_REPO = "lifeboat-demo/shop";

    /** One simulated commit; {@code shortSha} matches the "Deploy …" releases of the simulated Heroku. */
    record SimCommit(String shortSha, String message, String author, Duration age) {
        String sha() {
            return shortSha + sha1(shortSha).substring(7);
        }
    }

    static final List<SimCommit> COMMITS = List.of(
            new SimCommit("e57f0b3", "Fix rounding of multi-currency cart totals\n\nTotals in JPY were rounded twice.",
                    "Bob Builder", Duration.ofHours(4)),
            new SimCommit("9a2f6c3", "Release 2.14.0: saved carts", "Carol Danvers", Duration.ofDays(5).plusHours(2)),
            new SimCommit("7d0e4b1", "Release 2.13.0: faster search", "Bob Builder", Duration.ofDays(12).plusHours(1)),
            new SimCommit("1f3c2a9", "Upgrade Rails to 7.2", "Alice Liddell", Duration.ofDays(40).plusHours(3)));
    private static final Map<String, String> REFS = Map.of(
            "main", "e57f0b3", "v2.14.0", "9a2f6c3", "release/2.13", "7d0e4b1", "v2.13.0", "7d0e4b1");

    private final String repo;
    private final Instant now;

    @Inject
    public DemoGitHub(Clock clock, GitHubSettings settings) {
        this.repo = settings.repo().orElse(DEFAULT_REPO);
        this.now = clock.instant();
    }

    @Override
    public String fullName() {
        return repo;
    }

    @Override
    public Commit commit(String ref) {
        PathId.require(PathId.Kind.GIT_REF, ref);
        String wanted = REFS.getOrDefault(ref, ref);
        Optional<SimCommit> found = wanted.length() >= 7 && wanted.matches("[0-9a-f]+")
                ? COMMITS.stream().filter(c -> c.sha().startsWith(wanted)).findFirst() : Optional.empty();
        SimCommit commit = found.orElseThrow(() -> new GitHubException(Failure.NOT_FOUND, 404, null,
                "GitHub has no branch, tag or commit `" + ref + "` in " + repo + " (404). The demo repository has "
                        + "main, v2.14.0, release/2.13 and v2.13.0."));
        return new Commit(commit.sha(), commit.message(), commit.author(), Optional.of(now.minus(commit.age())),
                Optional.of("https://github.com/" + repo + "/commit/" + commit.sha()));
    }

    @Override
    public URI sourceTarball(String sha) {
        PathId.require(PathId.Kind.GIT_SHA, sha);
        if (COMMITS.stream().noneMatch(c -> c.sha().equals(sha))) {
            throw new GitHubException(Failure.NOT_FOUND, 404, null, "GitHub has no branch, tag or commit `" + sha
                    + "` in " + repo + " (404).");
        }
        return URI.create("https://codeload.github.invalid/" + repo + "/legacy.tar.gz/" + sha
                + "?token=demo-download-token");
    }

    /** The full sha of a simulated commit from its first 7 characters, if it is one. */
    static Optional<String> fullSha(String shortSha) {
        return COMMITS.stream().filter(c -> c.shortSha().equals(shortSha)).map(SimCommit::sha).findFirst();
    }

    private static String sha1(String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
