package dev.lifeboat.site;

import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.runbook.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A Netlify deploy as the cards and closing lines show it. Pure. */
final class DeployText {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private DeployText() {
    }

    /** "“Fix footer links” · commit 4a6c8e0 · built 2024-05-09 11:20 UTC (2 h ago)" on two lines, with the id first. */
    static String card(Deploy d, Instant now) {
        return "`" + d.id() + "`\n" + title(d) + "\ncommit " + commit(d) + " · " + built(d, now);
    }

    /** "“Fix footer links” (commit 4a6c8e0)". */
    static String brief(Deploy d) {
        return title(d) + " (commit " + commit(d) + ")";
    }

    static String title(Deploy d) {
        String title = d.title() == null || d.title().isBlank() ? "untitled" : d.title().strip();
        if (title.length() > 80) {
            title = title.substring(0, 79) + "…";
        }
        return "“" + title.replace('`', '\'') + "”";
    }

    static String commit(Deploy d) {
        String ref = d.commitRef();
        return ref == null || ref.isBlank() ? "unknown" : ref.substring(0, Math.min(7, ref.length()));
    }

    static String built(Deploy d, Instant now) {
        Instant at = d.createdAt();
        if (at == null) {
            return "built at an unknown time";
        }
        return "built " + UTC.format(at) + " (" + age(Duration.between(at, now)) + " ago)";
    }

    /** "40 s", "12 min", "5 h 3 min", "3 d 4 h". */
    static String age(Duration d) {
        long hours = d.toHours();
        if (hours < 48) {
            return Durations.words(d.isNegative() ? Duration.ZERO : d.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** Netlify's page for one deploy, with its build log: {@code https://app.netlify.com/sites/NAME/deploys/ID}. */
    static String logUrl(String siteName, Deploy d) {
        if (siteName != null && !siteName.isBlank() && d.id() != null) {
            return "https://app.netlify.com/sites/" + siteName + "/deploys/" + d.id();
        }
        return d.adminUrl() == null ? "(no link: Netlify did not name the site)" : d.adminUrl();
    }
}
