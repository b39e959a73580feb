package dev.lifeboat.status;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one status round learns that the next can start from at once: the Postgres add-on's id (needed for the
 * backup schedule) and the site's URL from Netlify (needed for the site check when SITE_URL is unset). Without it,
 * those calls would wait for another call in every round; with it they run in parallel and are checked afterwards.
 */
@Singleton
final class RoundMemory {
    private final AtomicReference<String> addonId = new AtomicReference<>();
    private final AtomicReference<String> siteUrl = new AtomicReference<>();

    Optional<String> addonId() {
        return Optional.ofNullable(addonId.get());
    }

    void addonId(String id) {
        addonId.set(id);
    }

    Optional<String> siteUrl() {
        return Optional.ofNullable(siteUrl.get());
    }

    void siteUrl(String url) {
        siteUrl.set(url);
    }
}
