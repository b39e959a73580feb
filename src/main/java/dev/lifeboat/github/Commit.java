package dev.lifeboat.github;

import java.time.Instant;
import java.util.Optional;

/**
 * One commit, from {@code GET /repos/{owner}/{repo}/commits/{ref}}.
 *
 * @param sha        the full commit id
 * @param message    the whole commit message
 * @param authorName the Git author's name ({@code commit.author.name}); "unknown" when GitHub gives none
 * @param authoredAt the Git author's date ({@code commit.author.date}), when given
 * @param htmlUrl    the commit's page on GitHub, when given
 */
public record Commit(String sha, String message, String authorName, Optional<Instant> authoredAt, Optional<String> htmlUrl) {
    public Commit {
        message = message == null ? "" : message;
        authorName = authorName == null || authorName.isBlank() ? "unknown" : authorName;
    }

    /** The first 7 characters of the sha, as Git shows it. */
    public String shortSha() {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    /** The message's first line (its subject), at most 100 characters. */
    public String subject() {
        String first = message.lines().findFirst().orElse("").strip();
        return first.length() > 100 ? first.substring(0, 99) + "…" : first;
    }
}
