package dev.lifeboat.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeboat.monitor.MonitorRules.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of down, up and flapping as a row: a service's checks, one a minute ({@code F} an observed failure,
 * {@code S} a success, {@code ?} a check that could not complete), and the announcements they make, each as
 * {@code down@TICK since TICK} or {@code up@TICK after N min}, with {@code flaps N} when some went unannounced.
 */
class MonitorRulesTest {
    static final Instant T0 = Instant.parse("2026-12-02T14:00:00Z");
    static final Duration TICK = Duration.ofMinutes(1);

    record Row(String name, int downAfter, String checks, List<String> announced) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Arguments row(String name, int downAfter, String checks, String... announced) {
        return Arguments.of(new Row(name, downAfter, checks, List.of(announced)));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("down after three failures in a row", 3, "FFF", "down@2 since 0"),
                row("two failures are not down", 3, "FFSFFS"),
                row("up after one success, with the downtime from the first failure", 3, "FFFS",
                        "down@2 since 0", "up@3 after 3 min"),
                row("an unknown check is not a failure", 3, "FF?F", "down@3 since 0"),
                row("an unknown check does not end a run of failures", 3, "F?F?F", "down@4 since 0"),
                row("an unknown check is not a success either", 3, "FFF???S", "down@2 since 0", "up@6 after 6 min"),
                row("unknown checks alone never announce anything", 3, "????????"),
                row("the first checks succeeding announce nothing", 3, "SSSS"),
                row("a service that stays down is announced once", 3, "FFFFFFFFFFFFFFFFFFFF", "down@2 since 0"),
                row("a service that stays up after recovering is announced once", 3, "FFFSSSSSSSSSSSSS",
                        "down@2 since 0", "up@3 after 3 min"),
                row("down after one failure when so configured", 1, "F", "down@0 since 0"),
                row("flapping: one down and one up message per 10 minutes, then the flaps are counted", 3,
                        "FFFSFFFSFFFSFFFS",
                        "down@2 since 0", "up@3 after 3 min", "down@14 since 12 flaps 2", "up@15 after 3 min"),
                row("a down kept back by the cap is announced when the cap ends, if still down", 3, "FFFSFFFFFFFFF",
                        "down@2 since 0", "up@3 after 3 min", "down@12 since 4"),
                row("a down kept back that recovered before the cap ended is only a flap", 3, "FFFSFFFSSSSSSSSFFF",
                        "down@2 since 0", "up@3 after 3 min", "down@17 since 15 flaps 1"),
                row("an up kept back by the cap is announced at the first success after it", 1, "FFFFFSSSSSFSSSSS",
                        "down@0 since 0", "up@5 after 5 min", "down@10 since 10", "up@15 after 1 min"),
                row("an up kept back that went down again is a flap, and the downtime runs from the announced outage", 1,
                        "FFFFFSSSSSFSFFFFFFFFS",
                        "down@0 since 0", "up@5 after 5 min", "down@10 since 10", "up@20 after 10 min flaps 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rule(Row row) {
        assertEquals(row.announced(), play(MonitorRules.State.fresh(), row.downAfter(), row.checks()), row.checks());
    }

    /** Plays the checks from {@code state}, one a minute from {@link #T0}; the announcements in row notation. */
    static List<String> play(MonitorRules.State state, int downAfter, String checks) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < checks.length(); i++) {
            Observation.Kind kind = switch (checks.charAt(i)) {
                case 'F' -> Observation.Kind.FAILURE;
                case 'S' -> Observation.Kind.SUCCESS;
                default -> Observation.Kind.UNKNOWN;
            };
            Instant now = T0.plus(TICK.multipliedBy(i));
            MonitorRules.Step step = MonitorRules.next(state, kind, now, downAfter, MonitorRules.FLAP_WINDOW);
            state = step.state();
            int tick = i;
            step.change().ifPresent(c -> out.add(describe(tick, c)));
        }
        return out;
    }

    static String describe(int tick, MonitorRules.Change c) {
        String flaps = c.flaps() == 0 ? "" : " flaps " + c.flaps();
        if (c.to() == Level.DOWN) {
            return "down@" + tick + " since " + Duration.between(T0, c.since()).dividedBy(TICK) + flaps;
        }
        return "up@" + tick + " after " + c.downtime().orElseThrow().toMinutes() + " min" + flaps;
    }

    @Test
    void aNewLeaderThatFindsAnAnnouncedOutageDoesNotRepeatItAndGivesTheDowntimeFromItsStart() {
        MonitorRules.Saved saved = new MonitorRules.Saved(Level.DOWN, Optional.of(T0.minus(Duration.ofMinutes(20))),
                Optional.of(T0.minus(Duration.ofMinutes(18))), Optional.empty(), 0);

        assertEquals(List.of("up@4 after 24 min"), play(MonitorRules.State.from(saved), 3, "FFFFS"));
    }

    @Test
    void aNewLeaderKeepsTheCapOfTheMessagesBeforeIt() {
        MonitorRules.Saved saved = new MonitorRules.Saved(Level.UP, Optional.empty(),
                Optional.of(T0.minus(Duration.ofMinutes(5))), Optional.of(T0.minus(Duration.ofMinutes(4))), 0);

        assertEquals(List.of("down@5 since 0"), play(MonitorRules.State.from(saved), 3, "FFFFFF"),
                "down since tick 2, but the last down message was at -5: the next may go at tick 5");
    }

    @Test
    void theSavedPartIsWhatWasAnnounced() {
        MonitorRules.State state = MonitorRules.State.fresh();
        for (int i = 0; i < 3; i++) {
            state = MonitorRules.next(state, Observation.Kind.FAILURE, T0.plus(TICK.multipliedBy(i)), 3,
                    MonitorRules.FLAP_WINDOW).state();
        }
        assertEquals(new MonitorRules.Saved(Level.DOWN, Optional.of(T0), Optional.of(T0.plus(TICK.multipliedBy(2))),
                Optional.empty(), 0), state.saved());
    }
}
