package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeboat.monitor.MonitorRules;
import dev.lifeboat.monitor.MonitorRules.Level;
import dev.lifeboat.monitor.MonitorStates;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The monitor's announced state per service on a real database: kept as saved, across a reopen, one row a service. */
abstract class MonitorStateContract extends RunStoreFixture {
    MonitorStates states() {
        return new JdbcMonitorStates(database().dataSource());
    }

    @Test
    void aServiceNeverSavedHasNoState() {
        assertEquals(Optional.empty(), states().load("app:acme-prod"));
    }

    @Test
    void whatWasSavedIsReadBackToTheMicrosecondAndSurvivesAReopen() {
        MonitorRules.Saved down = new MonitorRules.Saved(Level.DOWN, Optional.of(T0), Optional.of(T0.plusSeconds(120)),
                Optional.empty(), 2);
        states().save("app:acme-prod", down, T0.plusSeconds(120));

        assertEquals(Optional.of(down), states().load("app:acme-prod"));
        reopen();
        assertEquals(Optional.of(down), states().load("app:acme-prod"));
    }

    @Test
    void aLaterSaveReplacesTheStateOfThatServiceOnly() {
        MonitorStates states = states();
        MonitorRules.Saved down = new MonitorRules.Saved(Level.DOWN, Optional.of(T0), Optional.of(T0), Optional.empty(), 0);
        MonitorRules.Saved up = new MonitorRules.Saved(Level.UP, Optional.empty(), Optional.of(T0),
                Optional.of(T0.plusSeconds(300)), 0);
        states.save("app:acme-prod", down, T0);
        states.save("site:https://www.acme.test/", down, T0);

        states.save("app:acme-prod", up, T0.plusSeconds(300));

        assertEquals(Optional.of(up), states.load("app:acme-prod"));
        assertEquals(Optional.of(down), states.load("site:https://www.acme.test/"));
    }
}
