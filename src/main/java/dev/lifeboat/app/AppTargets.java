package dev.lifeboat.app;

import java.net.URI;
import java.util.Optional;

/**
 * The app the app commands work on, chosen by {@code Wiring} (the real one, or the demo world's).
 *
 * @param app       {@code HEROKU_APP} (or the simulated app); empty when Heroku is not configured
 * @param healthUrl what a runbook probes at its end ({@code APP_URL} + {@code APP_HEALTH_PATH}); empty: the app's
 *                  {@code web_url} from Heroku
 */
public record AppTargets(Optional<String> app, Optional<URI> healthUrl) {
}
