package dev.lifeboat.netlify;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.ErrorTranslator;
import dev.lifeboat.http.HttpFailure;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All of Netlify's failure mapping: every failed call becomes a {@link NetlifyException} whose message names what
 * failed, what was not found, and what to change. Never includes the token: paths carry no query string and API
 * messages are redacted.
 */
final class NetlifyErrors implements ErrorTranslator {
    private static final Pattern SITE_PATH = Pattern.compile(
            "/sites/([^/]+)(?:/(deploys|builds|files)(?:/([^/]+)(?:/(restore))?)?)?/?$");

    private final URI apiUrl;
    private final URI statusUrl;

    NetlifyErrors(URI apiUrl, URI statusUrl) {
        this.apiUrl = apiUrl;
        this.statusUrl = statusUrl;
    }

    @Override
    public NetlifyException translate(HttpFailure f) {
        Call call = Call.of(f.method(), f.path());
        String reason = f.apiMessage().map(Redact::text).orElse(null);
        String message = switch (f.failure()) {
            case UNAUTHORIZED -> "Netlify rejected NETLIFY_AUTH_TOKEN (401 Unauthorized) while " + call.action
                    + ": the token is wrong, expired or revoked. Create a personal access token under User settings"
                    + " › Applications › Personal access tokens and set NETLIFY_AUTH_TOKEN to it.";
            case FORBIDDEN -> "Netlify refused " + call.action + " (403 Forbidden): NETLIFY_AUTH_TOKEN is valid but"
                    + " its user may not do this on site " + call.site + ". Use a token of a member of the site's"
                    + " team who may deploy it.";
            case NOT_FOUND -> call.deploy == null
                    ? "Netlify has no site " + call.site + " that NETLIFY_AUTH_TOKEN can see (404 while " + call.action
                            + "). Check NETLIFY_SITE_ID (the site's API ID, under Site configuration › General ›"
                            + " Site details) and that the token's user is on the site's team."
                    : "Netlify has no deploy " + call.deploy + " on site " + call.site + " (404 while " + call.action
                            + "). Check the deploy id against the deploy list, and that NETLIFY_SITE_ID is the site"
                            + " it belongs to.";
            case REJECTED -> "Netlify refused " + call.action + ": " + (reason == null ? "it gave no reason" : reason)
                    + " (" + f.status() + ")." + call.rejectedHint;
            case RATE_LIMITED -> "Netlify's rate limit was reached while " + call.action + " (about 500 requests a"
                    + " minute per token). " + f.retryAfter().map(w -> "Try again in " + describe(w) + ".")
                            .orElse("Try again in a minute.");
            case SERVER_ERROR -> "Netlify failed while " + call.action + " (" + f.status() + ")."
                    + call.mayHaveHappened + " Netlify may be having an incident: check " + statusUrl
                    + ", then try again.";
            case MALFORMED -> "Netlify answered " + call.action + " with a body Lifeboat could not read (status "
                    + f.status() + ", not the JSON expected). A proxy may have answered or the API changed: check"
                    + " NETLIFY_API_URL (" + Redact.url(apiUrl.toString()) + ").";
            case TIMEOUT -> "Netlify did not answer in time while " + call.action + "." + call.mayHaveHappened
                    + " Its API may be slow: check " + statusUrl + " and try again.";
            case UNREACHABLE -> "Could not reach Netlify at " + Redact.url(apiUrl.toString()) + " while "
                    + call.action + " (connection refused or reset, or DNS failure). Check NETLIFY_API_URL and"
                    + " this server's network, then try again.";
            case TLS -> "The secure connection to Netlify at " + Redact.url(apiUrl.toString()) + " failed while "
                    + call.action + " (TLS handshake or certificate). Check NETLIFY_API_URL and any proxy in between.";
            case UNEXPECTED -> f.isRedirect()
                    ? "Netlify answered with a redirect (" + f.status() + ") while " + call.action + ". "
                            + f.redirectNote("NETLIFY_API_URL")
                    : "Netlify answered " + f.status() + " while " + call.action
                            + (reason == null ? "." : ": " + reason + ".");
        };
        return new NetlifyException(f, message);
    }

    /** "37 s", "2 min 5 s". */
    static String describe(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }

    /** What a failed call was doing, read from its method and path. */
    private record Call(String action, String site, String deploy, String rejectedHint, String mayHaveHappened) {
        static Call of(String method, String path) {
            Matcher m = SITE_PATH.matcher(path);
            if (!m.find()) {
                return new Call("calling " + method + " " + path, "(unknown)", null, "", "");
            }
            String site = decode(m.group(1));
            String deploy = m.group(3) == null ? null : decode(m.group(3));
            String collection = m.group(2);
            boolean restore = m.group(4) != null;
            boolean changes = !method.equals("GET") && !method.equals("HEAD");
            String mayHaveHappened = changes
                    ? " The request may still have taken effect: check the deploy list before repeating it." : "";
            if (collection == null) {
                return new Call("reading site " + site, site, null, "", mayHaveHappened);
            }
            return switch (collection) {
                case "deploys" -> restore
                        ? new Call("publishing deploy " + deploy, site, deploy,
                                " Only a deploy in state ready can be published.", mayHaveHappened)
                        : deploy == null
                                ? new Call("listing the deploys of site " + site, site, null, "", mayHaveHappened)
                                : new Call("reading deploy " + deploy, site, deploy, "", mayHaveHappened);
                case "builds" -> new Call("triggering a build of site " + site, site, null,
                        " Check that the site is linked to a repository and that builds are not stopped.",
                        mayHaveHappened);
                default -> new Call("listing the files of site " + site, site, null, "", mayHaveHappened);
            };
        }

        private static String decode(String segment) {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
