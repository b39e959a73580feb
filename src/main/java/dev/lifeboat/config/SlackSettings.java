package dev.lifeboat.config;

import java.net.URI;
import java.util.Optional;

/**
 * Slack credentials and channels.
 *
 * @param botToken         {@code SLACK_BOT_TOKEN} (xoxb-)
 * @param signingSecret    {@code SLACK_SIGNING_SECRET}, required in HTTP mode
 * @param appToken         {@code SLACK_APP_TOKEN} (xapp-); when set, Socket Mode is used
 * @param apiUrl           {@code SLACK_API_URL}, the Web API base ending in a slash
 * @param incidentChannel  {@code LIFEBOAT_INCIDENT_CHANNEL}, channel id for progress and announcements
 */
public record SlackSettings(
        Optional<Secret> botToken,
        Optional<Secret> signingSecret,
        Optional<Secret> appToken,
        URI apiUrl,
        Optional<String> incidentChannel) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    /** True when a bot token is set: {@code ./lifeboat} with no mode then serves Slack. */
    public boolean configured() {
        return botToken.isPresent();
    }

    public boolean socketMode() {
        return appToken.isPresent();
    }
}
