package dev.lifeboat.restore;

import java.net.URI;
import java.util.Optional;

/**
 * Where restores go, chosen by {@code Wiring} (real apps, or the demo world's simulated ones).
 *
 * @param productionApp {@code HEROKU_APP} (or the simulated app): the default target, and where backups come from
 * @param stagingApp    {@code HEROKU_STAGING_APP} (or the simulated staging app); empty when there is none
 * @param healthUrl     what the production restore probes at the end ({@code APP_URL} + {@code APP_HEALTH_PATH})
 * @param offsitePrefix where the production app's offsite copies live ({@code LIFEBOAT_BACKUP_PREFIX} + app + "/")
 */
public record RestoreTargets(Optional<String> productionApp, Optional<String> stagingApp, Optional<URI> healthUrl,
                             String offsitePrefix) {
}
