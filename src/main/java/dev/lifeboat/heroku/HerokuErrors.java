package dev.lifeboat.heroku;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.ErrorTranslator;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpFailure;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every Heroku Platform API failure, turned into a message the person in Slack can act on. */
final class HerokuErrors implements ErrorTranslator {
    static final String STATUS_PAGE = "https://status.heroku.com";

    private final String apiUrl;
    private final String basePath;

    HerokuErrors(URI apiUrl) {
        this.apiUrl = Redact.url(apiUrl.toString());
        String path = apiUrl.getRawPath() == null ? "" : apiUrl.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public HerokuException translate(HttpFailure f) {
        String call = f.method() + " " + f.path();
        Optional<String> said = f.apiMessage().map(Redact::text);
        String message = switch (f.failure()) {
            case UNAUTHORIZED -> "Heroku rejected HEROKU_API_KEY (401): the token is wrong or expired. Create a new "
                    + "one (`heroku authorizations:create`, or Dashboard → Account settings → API key) and update "
                    + "HEROKU_API_KEY.";
            case FORBIDDEN -> "Heroku refused " + call + " (403): the account behind HEROKU_API_KEY is not allowed to "
                    + "do this" + onApp(f.path()) + ". Give that account the deploy and operate permissions on the "
                    + "app, or use a token of an account that has them." + heroku(said);
            case NOT_FOUND -> "Heroku found no " + subject(f.method(), f.path()) + " (404). Check the name, and that "
                    + "the account behind HEROKU_API_KEY can see the app." + heroku(said);
            case REJECTED -> "Heroku refused " + call + " (" + f.status() + "): "
                    + said.orElse("it gave no reason.");
            case RATE_LIMITED -> "Heroku rate limit reached (429): this account has used its API allowance (about "
                    + "4,500 calls, refilled at about 75 a minute). " + retryAfter(f.retryAfter());
            case SERVER_ERROR -> "Heroku's API failed on " + call + " (" + f.status() + "). Heroku may be having an "
                    + "incident: check " + STATUS_PAGE + ", then try again.";
            case MALFORMED -> "Heroku answered " + call + " with something Lifeboat could not read (not the JSON it "
                    + "expects). Try again; if it keeps happening, Heroku may have changed this API.";
            case TIMEOUT -> "Heroku did not answer " + call + " in time (timeout). Heroku may be slow or down: check "
                    + STATUS_PAGE + " and try again.";
            case UNREACHABLE -> "Could not connect to Heroku at " + apiUrl + " (" + reason(f.cause())
                    + "). Check HEROKU_API_URL and this server's network.";
            case TLS -> "Could not set up a secure connection to Heroku at " + apiUrl + " (" + reason(f.cause())
                    + "). Check HEROKU_API_URL and any proxy in between.";
            case UNEXPECTED -> f.isRedirect()
                    ? "Heroku answered " + call + " with a redirect (" + f.status() + "). "
                            + f.redirectNote("HEROKU_API_URL")
                    : "Heroku answered " + call + " with an unexpected status " + f.status() + "." + heroku(said);
        };
        if (f.failure() == Failure.MALFORMED) {
            // The parser's message can quote the body (config values, database URLs): keep it out of the chain.
            return new HerokuException(Failure.MALFORMED, f.status(), null, message);
        }
        return new HerokuException(f, message);
    }

    /** What a 404 means for this path, named the way a person would: the app, the release, the dyno… */
    String subject(String method, String rawPath) {
        List<String> p = segments(rawPath);
        if (p.size() >= 2 && p.get(0).equals("apps")) {
            String app = "app '" + p.get(1) + "'";
            if (p.size() >= 4) {
                String thing = p.get(3);
                return switch (p.get(2)) {
                    case "dynos" -> "dyno '" + thing + "' on " + app;
                    case "formations", "formation" -> "process type '" + thing + "' on " + app;
                    case "releases" -> "release '" + thing + "' of " + app;
                    default -> p.get(2) + " '" + thing + "' on " + app;
                };
            }
            if (p.size() == 3 && p.get(2).equals("releases") && method.equals("POST")) {
                return app + ", or no release to roll back to with that id";
            }
            return app + " (check HEROKU_APP / HEROKU_STAGING_APP)";
        }
        if (p.size() >= 2 && p.get(0).equals("actions") && p.get(1).equals("addon-attachments")) {
            return "Heroku Postgres database attached as DATABASE_URL";
        }
        if (!p.isEmpty() && p.get(0).equals("sessions")) {
            return "log session (log sessions expire within minutes; start a new one)";
        }
        return "resource at " + rawPath;
    }

    private String onApp(String rawPath) {
        List<String> p = segments(rawPath);
        return p.size() >= 2 && p.get(0).equals("apps") ? " on app '" + p.get(1) + "'" : "";
    }

    private List<String> segments(String rawPath) {
        String path = rawPath.startsWith(basePath) ? rawPath.substring(basePath.length()) : rawPath;
        return Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
                .toList();
    }

    private static String heroku(Optional<String> said) {
        return said.map(text -> " Heroku said: " + text).orElse("");
    }

    static String retryAfter(Optional<Duration> wait) {
        return wait.map(d -> "Retry after " + Math.max(1, d.toSeconds()) + " s.")
                .orElse("Wait a minute and try again.");
    }

    static String reason(Throwable cause) {
        if (cause == null) {
            return "no answer";
        }
        String name = cause.getClass().getSimpleName();
        String text = cause.getMessage() == null ? "" : ": " + Redact.text(cause.getMessage());
        return name + text;
    }
}
