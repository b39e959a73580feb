package dev.lifeboat.incident;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunListener;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links runs to the open incident: a run that starts while one is open adds a line to its timeline (run id, who
 * started it, what it does). Off the run's thread: the engine never waits on Slack or the status page.
 */
@Singleton
final class IncidentRunLink implements RunListener {
    private static final Logger log = LoggerFactory.getLogger(IncidentRunLink.class);

    private final Incidents incidents;
    private final IncidentSync sync;
    private final ExecutorService work;

    @Inject
    IncidentRunLink(Incidents incidents, IncidentSync sync, @Named("work") ExecutorService work) {
        this.incidents = incidents;
        this.sync = sync;
        this.work = work;
    }

    @Override
    public void changed(Run run, RunEvent event) {
        if (event.kind() != RunEvent.Kind.STARTED) {
            return;
        }
        String who = run.requestedBy().startsWith("console:") ? run.requestedBy().substring("console:".length())
                + " (console)" : "<@" + run.requestedBy() + ">";
        String line = ":gear: Run `" + run.id() + "` started by " + who + ": " + run.title()
                + " (`/dr history " + run.id() + "`)";
        try {
            work.execute(() -> {
                try {
                    if (incidents.note(line)) {
                        incidents.openIncident().ifPresent(i -> sync.sync(i.id()));
                    }
                } catch (RuntimeException e) {
                    log.warn("event=incident_run_link_failed run={} error=\"{}\"", run.id(), e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("event=incident_run_link_skipped run={}", run.id());
        }
    }
}
