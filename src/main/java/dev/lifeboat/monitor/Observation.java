package dev.lifeboat.monitor;

/**
 * What one check of a service saw.
 *
 * @param kind what it counts as
 * @param what the check in words, for the announcement and the log: "Health check https://… → 503 in 40 ms"
 */
public record Observation(Kind kind, String what) {
    public enum Kind {
        /** An observed failure: the check answered with an error, or did not answer while others did. */
        FAILURE,
        /** An observed success. */
        SUCCESS,
        /** The check could not complete (timed out, rate limited, Lifeboat's own trouble): counts for nothing. */
        UNKNOWN,
        /** Nothing to check: the service is not configured. */
        NOT_MONITORED
    }

    public static Observation failure(String what) {
        return new Observation(Kind.FAILURE, what);
    }

    public static Observation success(String what) {
        return new Observation(Kind.SUCCESS, what);
    }

    public static Observation unknown(String what) {
        return new Observation(Kind.UNKNOWN, what);
    }

    public static Observation notMonitored(String what) {
        return new Observation(Kind.NOT_MONITORED, what);
    }
}
