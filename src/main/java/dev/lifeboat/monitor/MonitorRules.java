package dev.lifeboat.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a service is down or up, and when to say so. Pure: the same state and observation always give the same step.
 *
 * <ul>
 *   <li>Down after {@code downAfter} observed failures in a row; up again after one observed success. An unknown
 *       check counts for nothing: it neither adds to the failures nor ends them.</li>
 *   <li>Each change is announced once. A flapping service does not flood the channel: at most one down and one up
 *       message per {@code window} (10 minutes). A change that may not be announced yet is announced at the first
 *       check after the window if it still holds; changes that came and went unannounced are counted as flaps and
 *       told in the next message.</li>
 *   <li>The downtime an up message gives runs from the start of the outage that was announced.</li>
 * </ul>
 */
public final class MonitorRules {
    /** At most one down and one up message per service in this time. */
    public static final Duration FLAP_WINDOW = Duration.ofMinutes(10);

    private MonitorRules() {
    }

    public enum Level { UP, DOWN }

    /**
     * A service's state. The announced part ({@link #announced()}) is what the store keeps (see {@link Saved}); the
     * rest lives in the leader's memory and starts afresh on a new leader.
     *
     * @param announced       what the channel was last told (UP when it was never told anything)
     * @param actual          what the checks say now, after the thresholds
     * @param failures        observed failures in a row
     * @param firstFailure    when the current run of failures began
     * @param downSince       when the current (or last) actual outage began: its first failed check
     * @param upSince         when the service last came back: its first successful check after an outage
     * @param outageSince     when the announced outage began (the downtime of the next up message runs from here)
     * @param lastDownMessage when a down message was last posted
     * @param lastUpMessage   when an up message was last posted
     * @param flaps           outages that came and went without a message since the last message
     */
    public record State(Level announced, Level actual, int failures, Optional<Instant> firstFailure,
                        Optional<Instant> downSince, Optional<Instant> upSince, Optional<Instant> outageSince,
                        Optional<Instant> lastDownMessage, Optional<Instant> lastUpMessage, int flaps) {

        /** Nothing known yet: presumed up, nothing announced. */
        public static State fresh() {
            return from(Saved.NEVER);
        }

        /** A new leader's state: what was announced, as saved; the counting starts afresh. */
        public static State from(Saved saved) {
            return new State(saved.announced(), saved.announced(), 0, Optional.empty(),
                    saved.announced() == Level.DOWN ? saved.outageSince() : Optional.empty(), Optional.empty(),
                    saved.outageSince(), saved.lastDownMessage(), saved.lastUpMessage(), saved.flaps());
        }

        /** The part that must survive a restart or a change of leader. */
        public Saved saved() {
            return new Saved(announced, outageSince, lastDownMessage, lastUpMessage, flaps);
        }
    }

    /**
     * What the store keeps of a service: what was announced and when, so a restarted or new leader neither repeats an
     * announcement nor loses the start of an outage.
     */
    public record Saved(Level announced, Optional<Instant> outageSince, Optional<Instant> lastDownMessage,
                        Optional<Instant> lastUpMessage, int flaps) {
        public static final Saved NEVER = new Saved(Level.UP, Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    /**
     * A change to announce.
     *
     * @param to       DOWN or UP
     * @param since    when the outage began (DOWN: its first failed check; UP: the announced outage's start)
     * @param downtime UP only: from the announced outage's start to the first successful check
     * @param flaps    outages that came and went without a message since the previous message
     */
    public record Change(Level to, Instant since, Optional<Duration> downtime, int flaps) {
    }

    /** The state after one check, and the change to announce, if any. */
    public record Step(State state, Optional<Change> change) {
    }

    public static Step next(State s, Observation.Kind seen, Instant now, int downAfter, Duration window) {
        Level actual = s.actual();
        int failures = s.failures();
        Optional<Instant> firstFailure = s.firstFailure();
        Optional<Instant> downSince = s.downSince();
        Optional<Instant> upSince = s.upSince();
        int flaps = s.flaps();
        if (seen == Observation.Kind.FAILURE) {
            if (failures == 0) {
                firstFailure = Optional.of(now);
            }
            failures++;
            if (actual == Level.UP && failures >= downAfter) {
                actual = Level.DOWN;
                downSince = firstFailure;
                if (s.announced() == Level.DOWN) {
                    flaps++;  // it came back and went down again, and the channel heard of neither
                }
            }
        } else if (seen == Observation.Kind.SUCCESS) {
            failures = 0;
            firstFailure = Optional.empty();
            if (actual == Level.DOWN) {
                actual = Level.UP;
                upSince = Optional.of(now);
                if (s.announced() == Level.UP) {
                    flaps++;  // it went down and came back, and the channel heard of neither
                }
            }
        }
        State after = new State(s.announced(), actual, failures, firstFailure, downSince, upSince, s.outageSince(),
                s.lastDownMessage(), s.lastUpMessage(), flaps);
        if (actual == s.announced()) {
            return new Step(after, Optional.empty());
        }
        if (actual == Level.DOWN) {
            if (!allowed(s.lastDownMessage(), now, window)) {
                return new Step(after, Optional.empty());
            }
            Instant since = downSince.orElse(now);
            return new Step(new State(Level.DOWN, actual, failures, firstFailure, downSince, upSince, Optional.of(since),
                    Optional.of(now), s.lastUpMessage(), 0), Optional.of(new Change(Level.DOWN, since, Optional.empty(), flaps)));
        }
        if (!allowed(s.lastUpMessage(), now, window)) {
            return new Step(after, Optional.empty());
        }
        Instant since = s.outageSince().isPresent() ? s.outageSince().get() : downSince.orElse(now);
        Duration downtime = Duration.between(since, upSince.orElse(now));
        return new Step(new State(Level.UP, actual, failures, firstFailure, downSince, upSince, Optional.empty(),
                s.lastDownMessage(), Optional.of(now), 0),
                Optional.of(new Change(Level.UP, since, Optional.of(downtime.isNegative() ? Duration.ZERO : downtime), flaps)));
    }

    private static boolean allowed(Optional<Instant> last, Instant now, Duration window) {
        return last.map(at -> !now.isBefore(at.plus(window))).orElse(true);
    }
}
