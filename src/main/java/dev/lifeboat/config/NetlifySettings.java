package dev.lifeboat.config;

import java.net.URI;
import java.util.Optional;

/**
 * The Netlify site.
 *
 * @param authToken {@code NETLIFY_AUTH_TOKEN}
 * @param siteId    {@code NETLIFY_SITE_ID}
 * @param apiUrl    {@code NETLIFY_API_URL}
 * @param statusUrl {@code NETLIFY_STATUS_URL}, Netlify's public Statuspage
 * @param siteUrl   {@code SITE_URL}; when unset, the site's URL from Netlify
 */
public record NetlifySettings(
        Optional<Secret> authToken,
        Optional<String> siteId,
        URI apiUrl,
        URI statusUrl,
        Optional<URI> siteUrl) {

    public static final String DEFAULT_API_URL = "https://api.netlify.com/api/v1";
    public static final String DEFAULT_STATUS_URL = "https://www.netlifystatus.com";

    public boolean configured() {
        return authToken.isPresent() && siteId.isPresent();
    }
}
