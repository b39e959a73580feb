package dev.lifeboat.reply;

/**
 * Where Lifeboat says something nobody asked for (a scheduled job's warning, a failed drill, the weekly digest): the
 * incident channel in Slack ({@code LIFEBOAT_INCIDENT_CHANNEL}), the terminal in the console. Features use this port
 * and never name Slack.
 */
public interface Announcer {
    /** Whether an announcement was delivered, and where or why not (never a secret). */
    record Delivery(boolean delivered, String detail) {
        public static Delivery to(String where) {
            return new Delivery(true, where);
        }

        public static Delivery not(String why) {
            return new Delivery(false, why);
        }
    }

    /** Posts {@code message} for everyone; never throws (a failure is the returned {@link Delivery}). */
    Delivery announce(Reply message);
}
