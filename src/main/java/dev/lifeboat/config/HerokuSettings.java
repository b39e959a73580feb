package dev.lifeboat.config;

import java.net.URI;
import java.util.Optional;

/**
 * The Heroku app, its database and its public URL.
 *
 * @param apiKey        {@code HEROKU_API_KEY}
 * @param app           {@code HEROKU_APP}, the production app name
 * @param stagingApp    {@code HEROKU_STAGING_APP}
 * @param apiUrl        {@code HEROKU_API_URL}
 * @param dataApiUrl    {@code HEROKU_DATA_API_URL}, the Heroku Postgres backups API
 * @param statusUrl     {@code HEROKU_STATUS_URL}, Heroku's platform status
 * @param appUrl        {@code APP_URL}, the app's public URL
 * @param appHealthPath {@code APP_HEALTH_PATH}
 */
public record HerokuSettings(
        Optional<Secret> apiKey,
        Optional<String> app,
        Optional<String> stagingApp,
        URI apiUrl,
        URI dataApiUrl,
        URI statusUrl,
        Optional<URI> appUrl,
        String appHealthPath) {

    public static final String DEFAULT_API_URL = "https://api.heroku.com";
    public static final String DEFAULT_DATA_API_URL = "https://api.data.heroku.com";
    public static final String DEFAULT_STATUS_URL = "https://status.heroku.com";

    /** True when Lifeboat can call the Platform API for the production app. */
    public boolean configured() {
        return apiKey.isPresent() && app.isPresent();
    }

    /** The URL the status command probes: {@code APP_URL} joined with {@code APP_HEALTH_PATH}. */
    public Optional<URI> healthUrl() {
        return appUrl.map(base -> {
            String root = base.toString().replaceAll("/+$", "");
            String path = appHealthPath.startsWith("/") ? appHealthPath : "/" + appHealthPath;
            return URI.create(root + path);
        });
    }
}
