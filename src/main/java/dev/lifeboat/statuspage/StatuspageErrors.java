package dev.lifeboat.statuspage;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.ErrorTranslator;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpFailure;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All of Statuspage's failure mapping: every failed call becomes a {@link StatuspageException} whose message
 * names what failed, what was not found, and what to change. Never includes the API key. Statuspage has answered
 * its rate limit with 420 as well as 429; both read as {@link Failure#RATE_LIMITED}.
 */
final class StatuspageErrors implements ErrorTranslator {
    /** Statuspage's own status page. */
    static final String STATUSPAGE_STATUS = "https://metastatuspage.com";
    private static final Pattern PAGE_PATH = Pattern.compile(
            "/pages/([^/]+)(?:/(incidents|components)(?:/([^/]+))?)?/?$");

    private final URI apiUrl;

    StatuspageErrors(URI apiUrl) {
        this.apiUrl = apiUrl;
    }

    @Override
    public StatuspageException translate(HttpFailure f) {
        Call call = Call.of(f.method(), f.path());
        Failure failure = f.status() == 420 ? Failure.RATE_LIMITED : f.failure();
        String reason = f.apiMessage().map(Redact::text).orElse(null);
        String api = Redact.url(apiUrl.toString());
        String message = switch (failure) {
            case UNAUTHORIZED -> "Statuspage rejected STATUSPAGE_API_KEY (401 Unauthorized) while " + call.action
                    + ": the key is wrong or was revoked. Create an API key under your avatar › API info on"
                    + " manage.statuspage.io and set STATUSPAGE_API_KEY to it.";
            case FORBIDDEN -> "Statuspage refused " + call.action + " (403 Forbidden): STATUSPAGE_API_KEY is valid"
                    + " but its user may not do this on page " + call.page + ". Give that user a role that may"
                    + " manage incidents on the page, or use a key of a user who has one.";
            case NOT_FOUND -> call.incident == null
                    ? "Statuspage has no page " + call.page + " that STATUSPAGE_API_KEY can see (404 while "
                            + call.action + "). Check STATUSPAGE_PAGE_ID: the page id shown under API info, not"
                            + " the page's address."
                    : "Statuspage has no incident " + call.incident + " on page " + call.page + " (404 while "
                            + call.action + "). It may have been deleted: check the open incidents, or open a new"
                            + " one.";
            case REJECTED -> "Statuspage refused " + call.action + ": "
                    + (reason == null ? "it gave no reason" : reason) + " (" + f.status() + ")." + call.rejectedHint;
            case RATE_LIMITED -> "Statuspage's rate limit was reached while " + call.action + " (about 1 request a"
                    + " second per key)." + call.mayHaveHappened + " " + f.retryAfter()
                            .map(w -> "Try again in " + describe(w) + ".").orElse("Try again in a few seconds.");
            case SERVER_ERROR -> "Statuspage failed while " + call.action + " (" + f.status() + ")."
                    + call.mayHaveHappened + " Statuspage may be having an incident: check " + STATUSPAGE_STATUS
                    + ", then try again.";
            case MALFORMED -> "Statuspage answered " + call.action + " with a body Lifeboat could not read (status "
                    + f.status() + ", not the JSON expected). A proxy may have answered or the API changed: check"
                    + " STATUSPAGE_API_URL (" + api + ").";
            case TIMEOUT -> "Statuspage did not answer in time while " + call.action + "." + call.mayHaveHappened
                    + " Check " + STATUSPAGE_STATUS + " and try again.";
            case UNREACHABLE -> "Could not reach Statuspage at " + api + " while " + call.action
                    + " (connection refused or reset, or DNS failure). Check STATUSPAGE_API_URL and this server's"
                    + " network, then try again.";
            case TLS -> "The secure connection to Statuspage at " + api + " failed while " + call.action
                    + " (TLS handshake or certificate). Check STATUSPAGE_API_URL and any proxy in between.";
            case UNEXPECTED -> f.isRedirect()
                    ? "Statuspage answered with a redirect (" + f.status() + ") while " + call.action + ". "
                            + f.redirectNote("STATUSPAGE_API_URL")
                    : "Statuspage answered " + f.status() + " while " + call.action
                            + (reason == null ? "." : ": " + reason + ".");
        };
        return new StatuspageException(failure, f.status(), f.retryAfter().orElse(null), message, f.cause());
    }

    static String describe(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }

    /** What a failed call was doing, read from its method and path. */
    private record Call(String action, String page, String incident, String rejectedHint, String mayHaveHappened) {
        static Call of(String method, String path) {
            Matcher m = PAGE_PATH.matcher(path);
            if (!m.find()) {
                return new Call("calling " + method + " " + path, "(unknown)", null, "", "");
            }
            String page = decode(m.group(1));
            boolean changes = !method.equals("GET") && !method.equals("HEAD");
            String mayHaveHappened = changes
                    ? " The change may still have been made: check the page before repeating it." : "";
            String hint = " Check the incident status and that each component id belongs to page " + page
                    + " (see its component list).";
            if ("components".equals(m.group(2))) {
                return new Call("listing the components of page " + page, page, null, "", mayHaveHappened);
            }
            if (m.group(2) == null) {
                return new Call("reading page " + page, page, null, "", mayHaveHappened);
            }
            String child = m.group(3) == null ? null : decode(m.group(3));
            if (child == null) {
                return new Call("creating an incident on page " + page, page, null, hint, mayHaveHappened);
            }
            if (child.equals("unresolved") && !changes) {
                return new Call("listing the open incidents of page " + page, page, null, "", mayHaveHappened);
            }
            return new Call((changes ? "updating incident " : "reading incident ") + child, page, child, hint,
                    mayHaveHappened);
        }

        private static String decode(String segment) {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
