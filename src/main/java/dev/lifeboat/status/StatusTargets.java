package dev.lifeboat.status;

import java.net.URI;
import java.util.Optional;

/**
 * What the status report looks at, or why something is missing.
 *
 * @param herokuApp    the production app ({@code HEROKU_APP}, or the simulated app)
 * @param appHealthUrl {@code APP_URL} + {@code APP_HEALTH_PATH}
 * @param siteUrl      {@code SITE_URL}; when empty, the site's URL from Netlify is probed
 * @param backupPrefix where offsite copies of the app's backups live ({@code LIFEBOAT_BACKUP_PREFIX} + app + "/")
 */
public record StatusTargets(Optional<String> herokuApp, Optional<URI> appHealthUrl, Optional<URI> siteUrl,
                            String backupPrefix) {
}
