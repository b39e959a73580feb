package dev.lifeboat.http;

/** What went wrong talking to an upstream, independent of which system it was. */
public enum Failure {
    /** 401: the token is missing, wrong or expired. */
    UNAUTHORIZED,
    /** 403: the token works but may not do this. */
    FORBIDDEN,
    /** 404: the named thing does not exist (or the token cannot see it). */
    NOT_FOUND,
    /** 400/409/422: the upstream refused the request and usually says why. */
    REJECTED,
    /** 429: too many requests; see {@link UpstreamException#retryAfter()}. */
    RATE_LIMITED,
    /** 5xx: the upstream failed. */
    SERVER_ERROR,
    /** A 2xx whose body is not the JSON we expect. */
    MALFORMED,
    /** No answer within the read or call timeout. */
    TIMEOUT,
    /** DNS failure, connection refused or reset. */
    UNREACHABLE,
    /** TLS handshake or certificate failure. */
    TLS,
    /** Any other status. */
    UNEXPECTED
}
