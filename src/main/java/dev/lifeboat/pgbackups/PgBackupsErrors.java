package dev.lifeboat.pgbackups;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.ErrorTranslator;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpFailure;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every data API failure, turned into a message the person in Slack can act on. */
final class PgBackupsErrors implements ErrorTranslator {
    private static final String STATUS_PAGE = "https://status.heroku.com";

    private final String apiUrl;
    private final String basePath;

    PgBackupsErrors(URI dataApiUrl) {
        this.apiUrl = Redact.url(dataApiUrl.toString());
        String path = dataApiUrl.getRawPath() == null ? "" : dataApiUrl.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public PgBackupsException translate(HttpFailure f) {
        String call = f.method() + " " + f.path();
        Optional<String> said = f.apiMessage().map(Redact::text);
        String message = switch (f.failure()) {
            case UNAUTHORIZED -> "Heroku rejected HEROKU_API_KEY (401): the token is wrong or expired (said the "
                    + "Postgres backups API). Create a new one (`heroku authorizations:create`) and update "
                    + "HEROKU_API_KEY.";
            case FORBIDDEN -> "Heroku refused " + call + " (403): the account behind HEROKU_API_KEY may not manage "
                    + "this app's database backups. Give that account the operate permission on the app, or use a "
                    + "token of an account that has it." + heroku(said);
            case NOT_FOUND -> "Heroku Postgres found no " + subject(f.path()) + " (404)." + heroku(said);
            case REJECTED -> "Heroku Postgres refused " + call + " (" + f.status() + "): "
                    + said.orElse("it gave no reason.");
            case RATE_LIMITED -> "Heroku rate limit reached (429) on the Postgres backups API. "
                    + f.retryAfter().map(d -> "Retry after " + Math.max(1, d.toSeconds()) + " s.")
                    .orElse("Wait a minute and try again.");
            case SERVER_ERROR -> "The Heroku Postgres backups API failed on " + call + " (" + f.status() + "). Heroku "
                    + "may be having an incident: check " + STATUS_PAGE + ", then try again.";
            case MALFORMED -> "The Heroku Postgres backups API answered " + call + " with something Lifeboat could "
                    + "not read (not the JSON it expects). Try again; if it keeps happening, the API may have changed.";
            case TIMEOUT -> "The Heroku Postgres backups API did not answer " + call + " in time (timeout). Check "
                    + STATUS_PAGE + " and try again; a backup or restore already started keeps running.";
            case UNREACHABLE -> "Could not connect to the Heroku Postgres backups API at " + apiUrl + " ("
                    + reason(f.cause()) + "). Check HEROKU_DATA_API_URL and this server's network.";
            case TLS -> "Could not set up a secure connection to the Heroku Postgres backups API at " + apiUrl + " ("
                    + reason(f.cause()) + "). Check HEROKU_DATA_API_URL and any proxy in between.";
            case UNEXPECTED -> f.isRedirect()
                    ? "The Heroku Postgres backups API answered " + call + " with a redirect (" + f.status() + "). "
                            + f.redirectNote("HEROKU_DATA_API_URL")
                    : "The Heroku Postgres backups API answered " + call + " with an unexpected status " + f.status()
                            + "." + heroku(said);
        };
        if (f.failure() == Failure.MALFORMED) {
            // The parser's message can quote the body (config values, database URLs): keep it out of the chain.
            return new PgBackupsException(Failure.MALFORMED, f.status(), null, message);
        }
        return new PgBackupsException(f, message);
    }

    /** What a 404 means for this path: the transfer, the app or the database add-on. */
    String subject(String rawPath) {
        List<String> p = segments(rawPath);
        // client / v11 / apps / {app} / transfers / {id} / actions / …
        if (p.size() >= 4 && p.get(2).equals("apps")) {
            String app = "app '" + p.get(3) + "'";
            if (p.size() >= 6 && p.get(4).equals("transfers")) {
                String id = p.get(5);
                String what = id.length() <= 18 && id.chars().allMatch(Character::isDigit)
                        ? "backup or transfer number " + id + " (b" + String.format("%03d", Long.parseLong(id)) + ")"
                        : "transfer " + id;
                return what + " of " + app + "; list the backups to see which exist";
            }
            return app + " (check HEROKU_APP; the app needs a Heroku Postgres database)";
        }
        if (p.size() >= 4 && p.get(2).equals("databases")) {
            return "database add-on '" + p.get(3) + "'; the app's Postgres add-on may have been replaced";
        }
        return "resource at " + rawPath;
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

    private static String reason(Throwable cause) {
        if (cause == null) {
            return "no answer";
        }
        String text = cause.getMessage() == null ? "" : ": " + Redact.text(cause.getMessage());
        return cause.getClass().getSimpleName() + text;
    }
}
