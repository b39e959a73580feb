package dev.lifeboat.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How Lifeboat itself runs.
 *
 * @param port                   {@code PORT}
 * @param dataDir                {@code LIFEBOAT_DATA_DIR}: where the embedded H2 state store lives
 * @param databaseUrl            {@code DATABASE_URL}: Lifeboat's own state in PostgreSQL instead of H2
 * @param validationSql          {@code LIFEBOAT_VALIDATION_SQL}
 * @param monitorIntervalSeconds {@code LIFEBOAT_MONITOR_INTERVAL_SECONDS}
 * @param downAfterFailures      {@code LIFEBOAT_DOWN_AFTER_FAILURES}
 * @param autoIncident           {@code LIFEBOAT_AUTO_INCIDENT}
 * @param fallbackWebhookUrl     {@code LIFEBOAT_FALLBACK_WEBHOOK_URL} (treated as a secret: such URLs embed tokens)
 * @param instance               {@code LIFEBOAT_INSTANCE}, else {@code DYNO} (Heroku), else the host name: this
 *                               process's name among instances sharing one state store (whose runs it executes)
 * @param dyno                   {@code DYNO}: set when Lifeboat itself runs on Heroku (its dyno's name)
 * @param hostNote               {@code LIFEBOAT_HOST_NOTE}: where Lifeboat runs, in the operator's words
 */
public record RuntimeSettings(
        int port,
        Path dataDir,
        Optional<Secret> databaseUrl,
        Optional<String> validationSql,
        int monitorIntervalSeconds,
        int downAfterFailures,
        boolean autoIncident,
        Optional<Secret> fallbackWebhookUrl,
        String instance,
        Optional<String> dyno,
        Optional<String> hostNote) {

    /** Settings for a single, unnamed instance. */
    public RuntimeSettings(int port, Path dataDir, Optional<Secret> databaseUrl, Optional<String> validationSql,
                           int monitorIntervalSeconds, int downAfterFailures, boolean autoIncident,
                           Optional<Secret> fallbackWebhookUrl) {
        this(port, dataDir, databaseUrl, validationSql, monitorIntervalSeconds, downAfterFailures, autoIncident,
                fallbackWebhookUrl, "lifeboat", Optional.empty(), Optional.empty());
    }

    public Optional<URI> fallbackWebhook() {
        return fallbackWebhookUrl.map(secret -> URI.create(secret.reveal()));
    }
}
