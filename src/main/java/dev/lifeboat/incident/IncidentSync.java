package dev.lifeboat.incident;

import dev.lifeboat.config.IncidentSettings;
import dev.lifeboat.config.Redact;
import dev.lifeboat.leader.LeaderLeases;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Instance;
import dev.lifeboat.statuspage.ComponentStatus;
import dev.lifeboat.statuspage.IncidentChange;
import dev.lifeboat.statuspage.IncidentDraft;
import dev.lifeboat.statuspage.StatusPage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Slack and the status page in line with an incident's timeline in the store: the status page gets every
 * pending entry in order (created on the first), the channel message is posted once and then edited, notices are
 * posted on their own. While Slack cannot be reached, each entry goes to the fallback webhook once and waits in the
 * store; the next sync (the next incident command, or the leader's task every {@link IncidentTasks#EVERY}) delivers
 * it. One sync per incident at a time among every instance: it holds the lease {@code incident:ID} while it works.
 */
@Singleton
public class IncidentSync {
    static final Duration CLAIM = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(IncidentSync.class);

    /** What a sync found: what could not be told, and whether the fallback webhook was used. */
    public record Outcome(Optional<String> slackProblem, boolean fallbackUsed, Optional<String> pageProblem,
                          boolean busy) {
        static Outcome elsewhere() {
            return new Outcome(Optional.empty(), false, Optional.empty(), true);
        }
    }

    private final IncidentStore store;
    private final IncidentChannel channel;
    private final Optional<StatusPage> page;
    private final FallbackWebhook fallback;
    private final IncidentSettings settings;
    private final LeaderLeases leases;
    private final String instance;
    private final Clock clock;
    private final Object lock = new Object();
    private final AtomicBoolean toldNoChannel = new AtomicBoolean();

    @Inject
    IncidentSync(IncidentStore store, IncidentChannel channel, Optional<StatusPage> page, FallbackWebhook fallback,
                 IncidentSettings settings, LeaderLeases leases, Instance instance, Clock clock) {
        this.store = store;
        this.channel = channel;
        this.page = page;
        this.fallback = fallback;
        this.settings = settings;
        this.leases = leases;
        this.instance = instance.name();
        this.clock = clock;
    }

    public Outcome sync(String id) {
        synchronized (lock) {
            String claim = "incident:" + id;
            Instant now = clock.instant();
            if (!leases.hold(claim, instance, now, now.plus(CLAIM))) {
                return Outcome.elsewhere();
            }
            try {
                Optional<String> pageProblem = syncPage(id);
                SlackResult slack = syncSlack(id);
                return new Outcome(slack.problem, slack.fallbackUsed, pageProblem, false);
            } finally {
                try {
                    leases.release(claim, instance);
                } catch (RuntimeException e) {
                    log.warn("event=incident_claim_not_released incident={} error=\"{}\"", id, e.getClass().getSimpleName());
                }
            }
        }
    }

    private Optional<String> syncPage(String id) {
        List<TimelineEntry> pending = store.timeline(id).stream()
                .filter(e -> e.page() == TimelineEntry.Delivery.PENDING).toList();
        if (pending.isEmpty() || page.isEmpty()) {
            return Optional.empty();
        }
        IncidentRecord incident = store.find(id).orElseThrow();
        boolean wasBehind = incident.pageError().isPresent();
        for (TimelineEntry e : pending) {
            try {
                Optional<String> pageId = incident.pageIncidentId();
                if (pageId.isEmpty()) {
                    String created = adopt(incident, wasBehind).orElseGet(() -> createOnPage(store.find(id).orElseThrow(), e));
                    store.pageCreated(id, created);
                    incident = store.find(id).orElseThrow();
                    if (e.kind() == TimelineEntry.Kind.OPENED) {
                        store.pageDone(id, e.seq());
                        continue;
                    }
                    pageId = Optional.of(created);
                }
                switch (e.kind()) {
                    case RESOLVED -> page.get().resolveIncident(pageId.get(), e.text(), settings.componentIds());
                    case OPENED -> { }  // already on the page
                    default -> page.get().updateIncident(pageId.get(), new IncidentChange(e.status(), e.text(), Map.of(), true));
                }
                store.pageDone(id, e.seq());
            } catch (RuntimeException failure) {
                String reason = Redact.text(String.valueOf(failure.getMessage()));
                log.warn("event=incident_statuspage_failed incident={} error=\"{}\"", id, failure.getClass().getSimpleName());
                if (!wasBehind) {
                    store.append(id, new TimelineEntry.New(clock.instant(), "Lifeboat", TimelineEntry.Kind.PAGE_FAILED,
                            incident.status(), ":warning: The status page was not updated: " + reason
                            + " The incident goes on here; Lifeboat tries again every minute.", false, false));
                }
                store.pageError(id, Optional.of(reason));
                return Optional.of(reason);
            }
        }
        if (wasBehind) {
            store.pageError(id, Optional.empty());
            store.append(id, new TimelineEntry.New(clock.instant(), "Lifeboat", TimelineEntry.Kind.PAGE_CAUGHT_UP,
                    incident.status(), ":white_check_mark: The status page caught up.", false, false));
        }
        return Optional.empty();
    }

    /** After a failed create, the page may have made it anyway: an unresolved incident of the same name is ours. */
    private Optional<String> adopt(IncidentRecord incident, boolean afterFailure) {
        if (!afterFailure) {
            return Optional.empty();
        }
        Instant since = incident.openedAt().orElse(incident.createdAt()).minus(Duration.ofMinutes(1));
        return page.get().unresolvedIncidents().stream()
                .filter(i -> incident.summary().equals(i.name()))
                .filter(i -> i.createdAt() == null || !i.createdAt().isBefore(since))
                .map(dev.lifeboat.statuspage.Incident::id).findFirst();
    }

    private String createOnPage(IncidentRecord incident, TimelineEntry first) {
        Map<String, ComponentStatus> components = new LinkedHashMap<>();
        settings.componentIds().forEach(c -> components.put(c, ComponentStatus.MAJOR_OUTAGE));
        String body = first.kind() == TimelineEntry.Kind.OPENED ? incident.message() : first.text();
        return page.get().createIncident(new IncidentDraft(incident.summary(), first.status(), body, components, true)).id();
    }

    private record SlackResult(Optional<String> problem, boolean fallbackUsed) {
    }

    private SlackResult syncSlack(String id) {
        IncidentRecord incident = store.find(id).orElseThrow();
        List<TimelineEntry> entries = store.timeline(id);
        if (channel.where().isEmpty()) {
            if (toldNoChannel.compareAndSet(false, true)) {
                log.warn("event=incident_not_posted reason=\"LIFEBOAT_INCIDENT_CHANNEL is not set\" incident={}", id);
            }
            store.slackDelivered(id, incident.version());
            entries.stream().filter(e -> e.notice() == TimelineEntry.Delivery.PENDING).forEach(e -> store.noticeDone(id, e.seq()));
            return new SlackResult(Optional.empty(), false);
        }
        try {
            if (incident.slackVersion() < incident.version()) {
                Reply message = IncidentMessage.channelMessage(incident, entries, clock.instant());
                if (incident.slackTs().isEmpty()) {
                    post(id, message);
                } else {
                    try {
                        channel.update(new IncidentChannel.Posted(incident.slackChannel().orElseThrow(),
                                incident.slackTs().get()), message);
                    } catch (IncidentChannel.Unavailable e) {
                        if (!e.gone()) {
                            throw e;
                        }
                        post(id, message);  // the message was deleted: post it again
                    }
                }
                store.slackDelivered(id, incident.version());
            }
            for (TimelineEntry e : entries) {
                if (e.notice() == TimelineEntry.Delivery.PENDING) {
                    channel.post(Reply.text(e.text()).withVisibility(Reply.Visibility.CHANNEL));
                    store.noticeDone(id, e.seq());
                }
            }
            return new SlackResult(Optional.empty(), false);
        } catch (IncidentChannel.Unavailable e) {
            return new SlackResult(Optional.of(e.getMessage()), toFallback(incident, entries));
        }
    }

    private void post(String id, Reply message) {
        IncidentChannel.Posted posted = channel.post(message);
        store.slackPosted(id, posted.channel(), posted.ts());
    }

    /** Each entry Slack has not shown goes to the fallback webhook once; true when any went. */
    private boolean toFallback(IncidentRecord incident, List<TimelineEntry> entries) {
        if (!fallback.configured()) {
            return false;
        }
        boolean sent = false;
        for (TimelineEntry e : entries) {
            boolean owed = e.notice() == TimelineEntry.Delivery.NONE ? e.seq() > incident.slackVersion()
                    : e.notice() == TimelineEntry.Delivery.PENDING;
            if (!owed || e.fallbackSent()) {
                continue;
            }
            try {
                fallback.send(new FallbackWebhook.Note(IncidentMessage.fallbackText(incident, e), incident.id(),
                        incident.service(), e.at()));
                store.fallbackSent(incident.id(), e.seq());
                sent = true;
            } catch (IOException | RuntimeException failure) {
                log.warn("event=incident_fallback_failed incident={} error=\"{}\"", incident.id(),
                        failure.getClass().getSimpleName());
                return sent;
            }
        }
        return sent;
    }
}
