package dev.lifeboat.status;

import java.net.URI;
import java.util.Optional;

/**
 * The public URLs the status command probes, or why one is missing.
 *
 * @param appHealthUrl {@code APP_URL} + {@code APP_HEALTH_PATH}
 * @param siteUrl      {@code SITE_URL}
 */
public record StatusTargets(Optional<URI> appHealthUrl, Optional<URI> siteUrl) {
}
