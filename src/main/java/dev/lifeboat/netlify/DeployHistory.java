package dev.lifeboat.netlify;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The site and a page of its deploys, answering the questions a rollback asks. Only production deploys count:
 * deploy previews and branch deploys are never restore targets.
 */
public record DeployHistory(Site site, List<Deploy> deploys) {
    private static final Comparator<Deploy> BY_CREATED = Comparator.comparing(
            Deploy::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    public DeployHistory {
        deploys = List.copyOf(deploys);
    }

    /** The deploy now live, preferring the full object from the list over the site's embedded copy. */
    public Optional<Deploy> published() {
        Deploy embedded = site.publishedDeploy();
        if (embedded == null || embedded.id() == null) {
            return Optional.empty();
        }
        return Optional.of(deploys.stream().filter(d -> embedded.id().equals(d.id())).findFirst().orElse(embedded));
    }

    /**
     * The default restore target: the newest ready production deploy created before the published one (or the
     * newest ready one, when nothing is published).
     */
    public Optional<Deploy> restoreTarget() {
        Optional<Deploy> published = published();
        return deploys.stream()
                .filter(Deploy::isReady)
                .filter(Deploy::isProduction)
                .filter(d -> published.map(p -> !p.id().equals(d.id()) && createdBefore(d, p)).orElse(true))
                .max(BY_CREATED);
    }

    /**
     * Production deploys that failed after the published one was created, newest first: the builds that should
     * have replaced it (every failed one, when nothing is published).
     */
    public List<Deploy> failedSincePublished() {
        Optional<Deploy> published = published();
        return deploys.stream()
                .filter(Deploy::isFailed)
                .filter(Deploy::isProduction)
                .filter(d -> published.map(p -> createdBefore(p, d)).orElse(true))
                .sorted(BY_CREATED.reversed())
                .toList();
    }

    private static boolean createdBefore(Deploy earlier, Deploy later) {
        Instant a = earlier.createdAt();
        Instant b = later.createdAt();
        return a != null && b != null && a.isBefore(b);
    }
}
