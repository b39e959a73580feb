package dev.lifeboat.config;

import java.net.URI;
import java.util.Optional;

/**
 * Our own external status page.
 *
 * @param apiKey {@code STATUSPAGE_API_KEY}
 * @param pageId {@code STATUSPAGE_PAGE_ID}
 * @param apiUrl {@code STATUSPAGE_API_URL}
 */
public record StatuspageSettings(Optional<Secret> apiKey, Optional<String> pageId, URI apiUrl) {
    public static final String DEFAULT_API_URL = "https://api.statuspage.io/v1";

    public boolean configured() {
        return apiKey.isPresent() && pageId.isPresent();
    }
}
