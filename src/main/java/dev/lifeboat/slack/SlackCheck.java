package dev.lifeboat.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.lifeboat.config.Redact;
import dev.lifeboat.config.Secret;
import dev.lifeboat.config.SlackSettings;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;

/**
 * One look at whether Slack accepts Lifeboat's tokens: {@code auth.test} with the bot token and, in Socket Mode,
 * {@code apps.connections.open} with the app token. The answer is one of three: accepted; refused for good (the token
 * is invalid, revoked or expired: retrying cannot help); or not known yet (Slack unreachable, 5xx, rate limited, any
 * other error), worth retrying.
 */
public final class SlackCheck {
    /** Errors that mean the token itself is bad; every other answer may change by itself. */
    static final Set<String> DEFINITE = Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked",
            "token_expired");

    /** What Slack said. */
    public sealed interface Result {
    }

    /** Slack accepted the tokens. */
    public record Accepted(String team, String botUser) implements Result {
    }

    /** Slack refused a token for good; {@code reason} is one line for the operator. */
    public record Refused(String reason) implements Result {
    }

    /** Not known yet; {@code reason} says why, for /healthz and the log. */
    public record Unknown(String reason) implements Result {
    }

    private final Slack slack;
    private final SlackSettings settings;

    @Inject
    SlackCheck(Slack slack, SlackSettings settings) {
        this.slack = slack;
        this.settings = settings;
    }

    Result check() {
        String api = Redact.url(settings.apiUrl().toString());
        Result bot;
        try {
            AuthTestResponse response = slack.methods().authTest(r -> r.token(settings.botToken().map(Secret::reveal).orElse("")));
            bot = judge("auth.test", "SLACK_BOT_TOKEN", response.isOk(), response.getError());
            if (bot instanceof Accepted) {
                bot = new Accepted(response.getTeam(), response.getUser());
            }
        } catch (IOException | SlackApiException | RuntimeException e) {
            bot = judge("auth.test", "SLACK_BOT_TOKEN", api, e);
        }
        if (!(bot instanceof Accepted) || settings.appToken().isEmpty()) {
            return bot;
        }
        try {
            AppsConnectionsOpenResponse response = slack.methods().appsConnectionsOpen(r -> r.token(settings.appToken().get().reveal()));
            Result app = judge("apps.connections.open", "SLACK_APP_TOKEN", response.isOk(), response.getError());
            return app instanceof Accepted ? bot : app;
        } catch (IOException | SlackApiException | RuntimeException e) {
            return judge("apps.connections.open", "SLACK_APP_TOKEN", api, e);
        }
    }

    /** Slack answered HTTP 200: accepted, refused for good, or an error that may pass. */
    static Result judge(String method, String variable, boolean ok, String error) {
        if (ok) {
            return new Accepted("", "");
        }
        if (error != null && DEFINITE.contains(error)) {
            return new Refused("Slack refused " + variable + " (" + method + ": " + error + "). " + advice(variable));
        }
        return new Unknown("Slack answered " + method + " with error " + (error == null ? "(none given)" : error));
    }

    /** Slack could not be asked, or answered with an HTTP error: never a verdict on the token. */
    static Result judge(String method, String variable, String api, Exception failure) {
        if (failure instanceof SlackApiException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().code();
            String error = e.getError() == null ? null : e.getError().getError();
            if (error != null && DEFINITE.contains(error)) {
                return new Refused("Slack refused " + variable + " (" + method + ": " + error + ", HTTP " + status + "). "
                        + advice(variable));
            }
            return new Unknown("Slack answered " + method + " with HTTP " + status + (error == null ? "" : " (" + error + ")"));
        }
        return new Unknown("cannot reach Slack at " + api + " for " + method + ": " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + Redact.text(failure.getMessage())));
    }

    private static String advice(String variable) {
        return "SLACK_APP_TOKEN".equals(variable)
                ? "Check the app-level token (Slack app → Basic Information → App-Level Tokens, scope connections:write)."
                : "Check the token (Slack app → OAuth & Permissions → Bot User OAuth Token) and that the app is still"
                + " installed in the workspace.";
    }
}
