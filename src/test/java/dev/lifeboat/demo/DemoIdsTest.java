package dev.lifeboat.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.heroku.LogRequest;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.InvalidIdException;
import dev.lifeboat.statuspage.IncidentChange;
import dev.lifeboat.statuspage.IncidentStatus;
import dev.lifeboat.testing.ManualClock;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo world refuses the same malformed ids as the real clients, before anything changes. */
class DemoIdsTest {
    private static final String APP = "lifeboat-demo";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T03:00:00Z"));
    private final DemoHeroku heroku = new DemoHeroku(clock);
    private final DemoPgBackups backups = new DemoPgBackups(clock);
    private final DemoNetlify netlify = new DemoNetlify(clock);
    private final DemoStatuspage statuspage = new DemoStatuspage(clock);

    @Test
    void restartingTheDynoDotDotRestartsNothing() {
        InvalidIdException e = assertThrows(InvalidIdException.class, () -> heroku.restartDyno(APP, ".."));

        assertEquals("`..` is not a dyno name (expected e.g. web.1).", e.getMessage());
        assertEquals(List.of(DynoState.UP, DynoState.UP, DynoState.UP),
                heroku.dynos(APP).stream().map(d -> d.state()).toList());
    }

    @Test
    void aMalformedIdIsRefusedEvenDuringASimulatedOutage() {
        heroku.simulateApiOutage(Failure.SERVER_ERROR);

        assertThrows(InvalidIdException.class, () -> heroku.restartDyno(APP, "."));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"..", ".", "a/b", "%2e%2e", "%2F", "", " "})
    void everySimulatedSystemRefusesMalformedIds(String bad) {
        URI dump = URI.create("https://demo.invalid/b001.dump");
        Map<String, Executable> calls = Map.ofEntries(
                Map.entry("heroku app", () -> heroku.app(bad)),
                Map.entry("heroku restartAllDynos", () -> heroku.restartAllDynos(bad)),
                Map.entry("heroku restartDyno", () -> heroku.restartDyno(APP, bad)),
                Map.entry("heroku restartProcessType", () -> heroku.restartProcessType(APP, bad)),
                Map.entry("heroku rollback", () -> heroku.rollback(APP, bad)),
                Map.entry("heroku logs", () -> heroku.createLogSession(bad, LogRequest.all(10))),
                Map.entry("backups transfers", () -> backups.transfers(bad)),
                Map.entry("backups transfer", () -> backups.transfer(APP, bad)),
                Map.entry("backups transferWithLogs", () -> backups.transferWithLogs(APP, bad)),
                Map.entry("backups capture", () -> backups.capture(bad)),
                Map.entry("backups restore", () -> backups.restore(bad, dump)),
                Map.entry("backups schedules", () -> backups.schedules(bad)),
                Map.entry("backups cancel", () -> backups.cancel(APP, bad)),
                Map.entry("netlify deploy", () -> netlify.deploy(bad)),
                Map.entry("netlify publishDeploy", () -> netlify.publishDeploy(bad)),
                Map.entry("statuspage updateIncident", () -> statuspage.updateIncident(bad,
                        new IncidentChange(IncidentStatus.IDENTIFIED, "x", Map.of(), false))));

        assertAll(calls.entrySet().stream().map(call -> () ->
                assertThrows(InvalidIdException.class, call.getValue(), call.getKey())));
        assertThrows(InvalidIdException.class, () -> backups.publicUrl(APP, -1));
    }
}
