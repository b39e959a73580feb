package dev.lifeboat.incident;

import dev.lifeboat.reply.Reply;
import java.util.Optional;

/**
 * Where incidents are announced to the team: the incident channel in Slack ({@code LIFEBOAT_INCIDENT_CHANNEL}), or
 * the terminal in the console. Calls may fail with {@link Unavailable}; the incident then goes on and its
 * announcements wait in the store.
 */
public interface IncidentChannel {
    /** A posted message. */
    record Posted(String channel, String ts) {
    }

    /** The channel could not be told (Slack unreachable, 5xx, rate limited, or it refused). */
    final class Unavailable extends RuntimeException {
        private final boolean gone;

        public Unavailable(String reason, boolean gone) {
            super(reason);
            this.gone = gone;
        }

        /** The message to edit no longer exists: post it again. */
        public boolean gone() {
            return gone;
        }
    }

    /** Where announcements go, for people ("<#C0123>"); empty when nowhere (the channel is not set). */
    Optional<String> where();

    Posted post(Reply message);

    void update(Posted message, Reply replacement);
}
