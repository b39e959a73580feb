package dev.lifeboat.incident;

import dev.lifeboat.leader.LeaderTask;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's incident work, every {@link #EVERY}: an open incident without an update for {@link #REMIND_AFTER}
 * gets a reminder in the channel naming who opened it (again after each further quiet {@link #REMIND_AFTER}); and
 * whatever Slack, the fallback webhook or the status page still owe is delivered.
 */
@Singleton
final class IncidentTasks implements LeaderTask {
    static final Duration EVERY = Duration.ofSeconds(30);
    static final Duration REMIND_AFTER = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(IncidentTasks.class);

    private final IncidentStore store;
    private final IncidentSync sync;
    private final Clock clock;

    @Inject
    IncidentTasks(IncidentStore store, IncidentSync sync, Clock clock) {
        this.store = store;
        this.sync = sync;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "incidents";
    }

    @Override
    public Duration every() {
        return EVERY;
    }

    @Override
    public void run() {
        remindQuiet();
        for (IncidentRecord incident : store.owing()) {
            try {
                sync.sync(incident.id());
            } catch (RuntimeException e) {
                log.warn("event=incident_sync_failed incident={} error=\"{}\"", incident.id(), e.getClass().getSimpleName());
            }
        }
    }

    /** A reminder for every open incident quiet for {@link #REMIND_AFTER} since its last update or reminder. */
    void remindQuiet() {
        Instant now = clock.instant();
        for (IncidentRecord incident : store.open()) {
            Instant lastUpdate = incident.lastUpdateAt().orElse(incident.openedAt().orElse(incident.createdAt()));
            Instant since = incident.remindedAt().filter(r -> r.isAfter(lastUpdate)).orElse(lastUpdate);
            if (Duration.between(since, now).compareTo(REMIND_AFTER) < 0) {
                continue;
            }
            Duration quiet = Duration.between(lastUpdate, now).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            boolean reminded = store.remind(incident.id(), incident.remindedAt(), new TimelineEntry.New(now, "Lifeboat",
                    TimelineEntry.Kind.REMINDER, incident.status(), IncidentMessage.reminder(incident, quiet), false, true));
            if (reminded) {
                log.info("event=incident_reminder incident={}", incident.id());
            }
        }
    }
}
