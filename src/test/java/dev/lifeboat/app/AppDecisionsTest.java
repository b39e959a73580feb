package dev.lifeboat.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.command.UsageException;
import dev.lifeboat.heroku.ConfigVars;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.heroku.ReleaseStatus;
import dev.lifeboat.http.InvalidIdException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The pure decisions of the app commands, as tables: which releases may be rolled back to, and what words mean. */
class AppDecisionsTest {
    static final Release CURRENT = release(112, ReleaseStatus.SUCCEEDED, true, true);

    static Release release(int version, ReleaseStatus status, boolean current, boolean eligible) {
        return new Release("id-" + version, version, status, "Deploy " + version, null, current, eligible,
                Instant.parse("2024-05-14T09:21:07Z"), null, List.of(), null);
    }

    @ParameterizedTest(name = "v{0} {1} eligible={2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "110 | SUCCEEDED | true  | ",
            "113 | SUCCEEDED | true  | ",
            "112 | SUCCEEDED | true  | v112 is the release running now",
            "111 | FAILED    | false | v111 failed (its build or release phase did not succeed)",
            "111 | FAILED    | true  | v111 failed",
            "114 | PENDING   | false | v114 is still pending",
            "3   | EXPIRED   | true  | v3 has expired: Heroku no longer keeps its slug.",
            "1   | SUCCEEDED | false | Heroku marks v1 as not eligible for rollback (the app's first release has no code).",
            "50  | SUCCEEDED | false | Heroku marks v50 as not eligible for rollback.",
            "60  | UNKNOWN   | true  | v60's status is not known"})
    void whichReleasesMayBeRolledBackTo(int version, ReleaseStatus status, boolean eligible, String refusal) {
        Optional<String> why = RollbackCommand.refusal(release(version, status, false, eligible), CURRENT);

        if (refusal == null) {
            assertEquals(Optional.empty(), why);
        } else {
            assertTrue(why.orElseThrow().startsWith(refusal), why.orElseThrow());
        }
    }

    @Test
    void rollbackWords() {
        assertEquals(OptionalInt.empty(), RollbackCommand.parse(List.of()));
        assertEquals(OptionalInt.of(110), RollbackCommand.parse(List.of("v110")));
        assertEquals(OptionalInt.of(110), RollbackCommand.parse(List.of("110")));
        assertThrows(InvalidIdException.class, () -> RollbackCommand.parse(List.of("latest")));
        assertThrows(UsageException.class, () -> RollbackCommand.parse(List.of("v1", "v2")));
    }

    @ParameterizedTest(name = "maintenance {0} → {1}")
    @CsvSource(delimiter = '|', value = {"on | true", "ON | true", "off | false", "Off | false"})
    void maintenanceWords(String word, boolean on) {
        assertEquals(Optional.of(on), MaintenanceCommand.parse(List.of(word)));
    }

    @Test
    void maintenanceRefusesAnythingElse() {
        assertEquals(Optional.empty(), MaintenanceCommand.parse(List.of()));
        assertTrue(assertThrows(UsageException.class, () -> MaintenanceCommand.parse(List.of("maybe"))).getMessage()
                .startsWith("`maybe` is neither on nor off"));
        assertThrows(UsageException.class, () -> MaintenanceCommand.parse(List.of("on", "now")));
    }

    @ParameterizedTest(name = "restart {0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {"'' | ALL | ", "web | TYPE | web", "worker | TYPE | worker",
            "web.1 | DYNO | web.1", "run.4821 | DYNO | run.4821"})
    void restartWords(String words, DynoScope.Kind kind, String name) {
        List<String> args = words.isEmpty() ? List.of() : List.of(words);
        assertEquals(new DynoScope(kind, Optional.ofNullable(name)), RestartCommand.parse(args));
    }

    @Test
    void everyDynoMeansTheFormationNotOneOffDynos() {
        assertTrue(DynoScope.all().matches(dyno("web.1", "web")));
        assertFalse(DynoScope.all().matches(dyno("run.4821", "run")));
        assertFalse(DynoScope.all().matches(dyno("scheduler.1234", "scheduler")));
        assertTrue(DynoScope.dyno("run.4821").matches(dyno("run.4821", "run")));
        assertTrue(DynoScope.type("web").matches(dyno("web.2", "web")));
        assertFalse(DynoScope.type("web").matches(dyno("worker.1", "worker")));
    }

    static dev.lifeboat.heroku.Dyno dyno(String name, String type) {
        return new dev.lifeboat.heroku.Dyno("id-" + name, name, type, dev.lifeboat.heroku.DynoState.UP, "Basic",
                "cmd", null, null, null);
    }

    @Test
    void restartRefusesWhatIsNoDynoNorType() {
        assertThrows(InvalidIdException.class, () -> RestartCommand.parse(List.of("..")));
        assertThrows(InvalidIdException.class, () -> RestartCommand.parse(List.of("web/1")));
        assertThrows(UsageException.class, () -> RestartCommand.parse(List.of("web", "worker")));
    }

    @ParameterizedTest(name = "logs {0}")
    @CsvSource(delimiter = '|', value = {
            "''           | 100  | ''    | false",
            "200          | 200  | ''    | false",
            "web.1        | 100  | web.1 | false",
            "200 web      | 200  | web   | false",
            "web 200      | 200  | web   | false",
            "5000         | 1500 | ''    | true",
            "1500 router  | 1500 | router | false"})
    void logsWords(String words, int lines, String dyno, boolean lowered) {
        List<String> args = words.isBlank() ? List.of() : List.of(words.trim().split(" +"));
        assertEquals(new LogsCommand.Ask(lines, dyno.isEmpty() ? Optional.empty() : Optional.of(dyno), lowered),
                LogsCommand.parse(args));
    }

    @Test
    void logsRefuseNonsense() {
        assertThrows(UsageException.class, () -> LogsCommand.parse(List.of("0")));
        assertThrows(UsageException.class, () -> LogsCommand.parse(List.of("10", "20")));
        assertThrows(UsageException.class, () -> LogsCommand.parse(List.of("web", "worker")));
        assertThrows(InvalidIdException.class, () -> LogsCommand.parse(List.of("../x")));
    }

    @Test
    void configVarValuesAreHiddenByNameTheLongestFirstAndShortOnesStay() {
        UnaryOperator<String> hide = LogText.redactor(new ConfigVars(Map.of(
                "DATABASE_URL", "postgres://u:pw-secret-1@db.example:5432/app",
                "DB_PASSWORD", "pw-secret-1",
                "API_SECRET", "abc123def456",
                "WEB_CONCURRENCY", "3")));

        assertEquals("connect [DATABASE_URL] as web.3", hide.apply("connect postgres://u:pw-secret-1@db.example:5432/app"
                + " as web.3"));
        assertEquals("password [DB_PASSWORD], key [API_SECRET]", hide.apply("password pw-secret-1, key abc123def456"));
        assertEquals("Authorization: Bearer ****", hide.apply("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc"));
        assertEquals("token xoxb-**** and AKIA****", hide.apply("token xoxb-**** and AKIA****"));
        String aws = hide.apply("key AKIAABCDEFGHIJKLMNOP used");
        assertFalse(aws.contains("AKIAABCDEFGHIJKLMNOP"), aws);
        String slack = hide.apply("posting with xoxb-1234-5678-abcdefghijkl");
        assertFalse(slack.contains("abcdefghijkl"), slack);
    }

    @Test
    void codeBlocksCannotBeEndedOrTurnedIntoMentions() {
        assertEquals("`\u200b`` &lt;!channel&gt; a &amp; b", LogText.codeBlockSafe("``` <!channel> a & b"));
    }
}
