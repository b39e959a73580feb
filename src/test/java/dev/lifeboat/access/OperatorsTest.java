package dev.lifeboat.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeboat.command.Actor;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may change things, as time passes and Slack answers or fails. Each scenario is a list of steps: at a time
 * since the start, with Slack answering a group's members (or failing), a person asks, and gets a decision. The
 * last column of a scenario is how many times Slack was asked in all.
 */
class OperatorsTest {
    private static final Instant START = Instant.parse("2026-11-27T03:00:00Z");
    private static final String DOWN = "down";

    /** One step: at {@code at} (e.g. "6m", "29s"), Slack's groups are {@code slack}, {@code actor} asks. */
    record Step(String at, Map<String, String> slack, String actor, String expected) {
        @Override
        public String toString() {
            return at + " " + actor + " → " + expected;
        }
    }

    static Step step(String at, String slack, String actor, String expected) {
        Map<String, String> groups = new HashMap<>();
        for (String group : slack.split(";")) {
            String[] parts = group.split("=", 2);
            groups.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
        }
        return new Step(at, groups, actor, expected);
    }

    static Arguments scenario(String name, String operators, int slackCalls, Step... steps) {
        return Arguments.of(name, operators, List.of(steps), slackCalls);
    }

    static Stream<Arguments> scenarios() {
        String cannot = "cannot check: Slack said ratelimited";
        return Stream.of(
                scenario("a listed user needs no Slack", "U0LISTED S0OPS", 0,
                        step("0s", "S0OPS=" + DOWN, "U0LISTED", "allowed")),
                scenario("the console is trusted", "S0OPS", 0,
                        step("0s", "S0OPS=" + DOWN, "console:ops", "allowed")),
                scenario("a group member, and the answer is kept five minutes", "S0OPS", 2,
                        step("0s", "S0OPS=U1 U2", "U1", "allowed"),
                        step("4m", "S0OPS=U2", "U1", "allowed"),
                        step("5m", "S0OPS=U2", "U1", "not an operator")),
                scenario("nobody Slack names", "S0OPS", 1,
                        step("0s", "S0OPS=U1", "U7", "not an operator")),
                scenario("Slack never answered: denied with the reason", "S0OPS", 1,
                        step("0s", "S0OPS=" + DOWN, "U1", cannot)),
                scenario("Slack down: the last answer is used for 30 minutes, then nobody is let in on it", "S0OPS", 5,
                        step("0s", "S0OPS=U1", "U1", "allowed"),
                        step("6m", "S0OPS=" + DOWN, "U1", "allowed"),
                        step("29m", "S0OPS=" + DOWN, "U1", "allowed"),
                        step("29m", "S0OPS=" + DOWN, "U7", "not an operator"),
                        step("30m", "S0OPS=" + DOWN, "U1", cannot),
                        step("31m", "S0OPS=" + DOWN, "U7", cannot)),
                scenario("a failure is remembered 30 s, so commands do not all call Slack", "S0OPS", 2,
                        step("0s", "S0OPS=" + DOWN, "U1", cannot),
                        step("10s", "S0OPS=" + DOWN, "U1", cannot),
                        step("29s", "S0OPS=U1", "U1", cannot),
                        step("30s", "S0OPS=U1", "U1", "allowed")),
                scenario("while stale, a failure is remembered 30 s too", "S0OPS", 3,
                        step("0s", "S0OPS=U1", "U1", "allowed"),
                        step("5m", "S0OPS=" + DOWN, "U1", "allowed"),
                        step("5m10s", "S0OPS=" + DOWN, "U1", "allowed"),
                        step("5m30s", "S0OPS=" + DOWN, "U1", "allowed")),
                scenario("one group down, another admits the person", "S0OPS S0SRE", 2,
                        step("0s", "S0OPS=" + DOWN + "; S0SRE=U1", "U1", "allowed")),
                scenario("one group down, the other does not name the person", "S0OPS S0SRE", 2,
                        step("0s", "S0OPS=" + DOWN + "; S0SRE=U2", "U1", cannot)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theAccessDecisionOverTime(String name, String operators, List<Step> steps, int slackCalls) {
        ManualClock clock = new ManualClock(START);
        ScriptedSlack slack = new ScriptedSlack();
        Operators access = new Operators(new AccessSettings(Arrays.asList(operators.split(" ")), 1), slack, clock);

        for (Step step : steps) {
            clock.set(START.plus(Duration.parse("PT" + step.at().toUpperCase())));
            slack.groups = step.slack();
            String id = step.actor();
            Actor actor = new Actor(id, id.startsWith("console:") ? "ops" : id.toLowerCase());
            assertEquals(step.expected(), describe(access.decide(actor)), name + ", at " + step.at());
        }
        assertEquals(slackCalls, slack.calls, name + ": times Slack was asked");
    }

    private static String describe(Operators.Decision decision) {
        if (decision instanceof Operators.CannotCheck unknown) {
            return "cannot check: " + unknown.slackReason();
        }
        return decision.allowed() ? "allowed" : "not an operator";
    }

    @org.junit.jupiter.api.Test
    void theDenialSaysWhatIsWrongAndWhatToDo() {
        assertEquals("Lifeboat cannot check the operators group right now (Slack: Slack said ratelimited); try again"
                + " shortly.", new Operators.CannotCheck("Slack said ratelimited").message());
    }

    /** A group directory whose answers a test sets: members separated by spaces, or {@value #DOWN}. */
    private static final class ScriptedSlack implements GroupDirectory {
        Map<String, String> groups = Map.of();
        int calls;

        @Override
        public Set<String> members(String groupId) {
            calls++;
            String members = groups.getOrDefault(groupId, "");
            if (members.equals(DOWN)) {
                throw new IllegalStateException("Slack said ratelimited");
            }
            return members.isBlank() ? Set.of() : Set.of(members.split(" "));
        }
    }
}
