package dev.lifeboat.platformstatus;

import dev.lifeboat.http.HttpFailure;
import dev.lifeboat.http.UpstreamException;

/** A platform status page could not be read. */
public final class PlatformStatusException extends UpstreamException {
    PlatformStatusException(String system, HttpFailure failure, String message) {
        super(system, failure, message);
    }

    /** All status mapping for status pages: they need no credentials, so only availability matters. */
    static PlatformStatusException translate(String platform, String pageUrl, HttpFailure f) {
        String where = platform + "'s status page (" + pageUrl + ")";
        String message = switch (f.failure()) {
            case TIMEOUT -> where + " did not answer in time";
            case UNREACHABLE -> where + " could not be reached (DNS or connection failure)";
            case TLS -> where + " failed the TLS handshake";
            case RATE_LIMITED -> where + " is rate limiting us" + f.retryAfter().map(d -> "; retry in " + d.toSeconds() + " s").orElse("");
            case MALFORMED -> where + " answered with something that is not its status JSON";
            case NOT_FOUND -> where + " has no status API at " + f.path() + " (check the URL setting)";
            case SERVER_ERROR -> where + " failed (HTTP " + f.status() + ")";
            default -> where + " answered HTTP " + f.status();
        };
        return new PlatformStatusException(platform, f, message);
    }
}
