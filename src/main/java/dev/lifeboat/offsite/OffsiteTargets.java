package dev.lifeboat.offsite;

import java.util.Optional;

/**
 * Whose backups go offsite and where, chosen by {@code Wiring} (the configured app, or the demo world's).
 *
 * @param app           {@code HEROKU_APP} (or the simulated app)
 * @param prefix        where its copies live: {@code LIFEBOAT_BACKUP_PREFIX} + app + "/"
 * @param retentionDays {@code LIFEBOAT_BACKUP_RETENTION_DAYS}: copies older than this are deleted by
 *                      {@code /dr backup offsite}, never the newest {@value Retention#KEEP_NEWEST}
 */
public record OffsiteTargets(Optional<String> app, String prefix, int retentionDays) {
}
