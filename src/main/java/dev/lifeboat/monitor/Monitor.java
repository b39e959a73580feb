package dev.lifeboat.monitor;

import dev.lifeboat.command.CommandRegistry;
import dev.lifeboat.config.Redact;
import dev.lifeboat.leader.LeaderTask;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Announcer;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.status.StatusAnalysis;
import dev.lifeboat.status.StatusFacts;
import dev.lifeboat.status.StatusReport.NextStep;
import dev.lifeboat.status.StatusService;
import dev.lifeboat.status.StatusTargets;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitors, run by the leader every {@code LIFEBOAT_MONITOR_INTERVAL_SECONDS}: one status round (shared with
 * anyone asking {@code /dr status} at the time, but never the round the previous check counted), read as one
 * observation per service ({@link Observations}), fed to
 * each service's state ({@link MonitorRules}); each change is saved, then announced once in the incident channel.
 *
 * <p>The failures counted so far live in memory: a new leader starts counting afresh. What was announced is kept in
 * the store and read again at every check, so neither a restart nor a change of leader repeats an announcement, and
 * an up message after a restart still gives the downtime from the outage's start.
 */
@Singleton
public final class Monitor implements LeaderTask {
    /** Who opens an incident by itself (the incident's timeline names it). */
    static final String BY = "Lifeboat monitor";
    private static final Logger log = LoggerFactory.getLogger(Monitor.class);

    private final StatusService status;
    private final Provider<CommandRegistry> commands;
    private final MonitorStates store;
    private final Announcer announcer;
    private final IncidentOpener incidents;
    private final MonitorSettings settings;
    private final StatusTargets targets;
    private final Clock clock;
    private final Map<Service, MonitorRules.State> states = new EnumMap<>(Service.class);
    /** When the round this monitor counted last was taken: a round is shared, but never counted twice. */
    private Instant lastRound = Instant.MIN;

    @Inject
    public Monitor(StatusService status, Provider<CommandRegistry> commands, MonitorStates store, Announcer announcer,
                   IncidentOpener incidents, MonitorSettings settings, StatusTargets targets, Clock clock) {
        this.status = status;
        this.commands = commands;
        this.store = store;
        this.announcer = announcer;
        this.incidents = incidents;
        this.settings = settings;
        this.targets = targets;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "monitor";
    }

    @Override
    public Duration every() {
        return settings.interval();
    }

    @Override
    public void run() {
        check();
    }

    /** One check of every service; returns what it announced. */
    public synchronized List<Reply> check() {
        StatusFacts facts = status.factsNewerThan(lastRound);
        lastRound = facts.asOf();
        Instant now = clock.instant();
        Map<Service, Observation> seen = Observations.read(facts);
        List<Reply> announced = new ArrayList<>();
        for (Service service : Service.values()) {
            Observation observation = seen.get(service);
            if (observation.kind() == Observation.Kind.NOT_MONITORED) {
                continue;
            }
            String key = key(service);
            MonitorRules.State before = current(service, key);
            MonitorRules.Step step = MonitorRules.next(before, observation.kind(), now, settings.downAfter(),
                    settings.flapWindow());
            states.put(service, step.state());
            log.debug("event=monitor_check service={} seen={} failures={} actual={} announced={}", service.key(),
                    observation.kind(), step.state().failures(), step.state().actual(), step.state().announced());
            if (!step.state().saved().equals(before.saved())) {
                try {
                    store.save(key, step.state().saved(), now);
                } catch (RuntimeException e) {
                    // Announcing matters more than remembering it: a restart may repeat this one, nothing is lost.
                    log.warn("event=monitor_state_not_saved service={} error=\"{}\"", service.key(), Redact.text(
                            String.valueOf(e.getMessage())));
                }
            }
            step.change().ifPresent(change -> {
                log.info("event=monitor_change service={} to={} since={} flaps={}", service.key(), change.to(),
                        change.since(), change.flaps());
                Reply message = change.to() == MonitorRules.Level.DOWN
                        ? down(service, change, observation, facts) : Announcements.up(name(service), change, observation, settings);
                announcer.announce(message);
                announced.add(message);
            });
        }
        return announced;
    }

    /**
     * The state in memory, unless the store says another announcement was made since (by another leader, or before
     * a restart): then the store's.
     */
    private MonitorRules.State current(Service service, String key) {
        MonitorRules.State memory = states.get(service);
        Optional<MonitorRules.Saved> saved;
        try {
            saved = store.load(key);
        } catch (RuntimeException e) {
            log.warn("event=monitor_state_not_read service={} error=\"{}\"", service.key(), Redact.text(
                    String.valueOf(e.getMessage())));
            return memory != null ? memory : MonitorRules.State.fresh();
        }
        if (memory != null && saved.map(s -> s.equals(memory.saved())).orElse(true)) {
            return memory;
        }
        return saved.map(MonitorRules.State::from).orElseGet(MonitorRules.State::fresh);
    }

    private Reply down(Service service, MonitorRules.Change change, Observation last, StatusFacts facts) {
        Optional<String> diagnosis = StatusAnalysis.diagnosis(facts, service.subject());
        List<NextStep> steps = StatusAnalysis.nextSteps(facts, service.subject(), this::commandExists);
        boolean platform = diagnosis.map(d -> d.startsWith("*Likely the platform:*")).orElse(false);
        String reason = platform ? "a " + (service == Service.APP ? "Heroku" : "Netlify") + " platform incident"
                : "an outage of our " + (service == Service.APP ? "app" : "website");
        Optional<String> note = Optional.empty();
        boolean opened = false;
        if (service == Service.APP && settings.autoIncident()) {
            try {
                note = Optional.of(incidents.open(reason, BY));
                opened = !NoIncidentFeature.NOTE.equals(note.get());
            } catch (RuntimeException e) {
                log.warn("event=auto_incident_failed error=\"{}\"", e.getClass().getSimpleName());
                note = Optional.of(":warning: Could not open an incident by itself: "
                        + Redact.text(String.valueOf(e.getMessage())) + ". Open it by hand.");
            }
        }
        Optional<Button> openIncident = !opened && incidentCommandExists()
                ? Optional.of(new Button("Open incident", "incident open " + reason, Button.Style.PRIMARY))
                : Optional.empty();
        return Announcements.down(name(service), change, last, diagnosis, steps, openIncident, note, settings);
    }

    /** "The app (acme-prod)", "The website". */
    private String name(Service service) {
        return service == Service.APP ? targets.herokuApp().map(app -> service.title() + " (" + app + ")").orElse(service.title())
                : service.title();
    }

    /** Where a service's state is kept: by service and what it watches, so a changed target starts afresh. */
    String key(Service service) {
        String target = service == Service.APP
                ? targets.herokuApp().or(() -> targets.appHealthUrl().map(Object::toString)).orElse("")
                : targets.siteUrl().map(Object::toString).orElse("netlify");
        String key = service.key() + ":" + target;
        return key.length() > 256 ? key.substring(0, 256) : key;
    }

    /** As {@code status} offers next steps: only a command that is registered, named exactly. */
    private boolean commandExists(String name) {
        return commands.get().find(List.of(name.split(" "))).map(m -> m.args().isEmpty()).orElse(false);
    }

    /** {@code incident open SUMMARY}: registered as its own command, or as {@code incident} taking {@code open}. */
    private boolean incidentCommandExists() {
        return commands.get().find(List.of("incident", "open"))
                .map(m -> m.handler().spec().name().equals("incident open")
                        || m.handler().spec().name().equals("incident") && m.args().equals(List.of("open")))
                .orElse(false);
    }
}
