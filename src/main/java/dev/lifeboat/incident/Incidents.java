package dev.lifeboat.incident;

import dev.lifeboat.command.Actor;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.config.IncidentSettings;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.statuspage.IncidentStatus;
import dev.lifeboat.statuspage.StatusPage;
import dev.lifeboat.status.StatusTargets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incidents as the commands use them: a private draft first, then one open incident per service, its updates and its
 * resolution, each written to the store before Slack and the status page are told ({@link IncidentSync}).
 */
@Singleton
public class Incidents {
    /** The longest summary: it is also the status-page incident's name. */
    static final int MAX_SUMMARY = 200;
    /** The longest announcement or update (what an edit dialog can carry). */
    static final int MAX_TEXT = 1_400;
    static final String DEFAULT_RESOLUTION = "This incident has been resolved. Thank you for your patience.";
    private static final char[] ID_CHARS = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final IncidentStore store;
    private final IncidentSync sync;
    private final IncidentChannel channel;
    private final Optional<StatusPage> page;
    private final IncidentSettings settings;
    private final String service;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    Incidents(IncidentStore store, IncidentSync sync, IncidentChannel channel, Optional<StatusPage> page,
              IncidentSettings settings, StatusTargets targets, Clock clock) {
        this.store = store;
        this.sync = sync;
        this.channel = channel;
        this.page = page;
        this.settings = settings;
        this.service = targets.herokuApp().orElse("production");
        this.clock = clock;
    }

    /** The service incidents are opened for by command: the production app. */
    public String service() {
        return service;
    }

    public Optional<IncidentRecord> openIncident() {
        return store.openIn(service);
    }

    Reply show() {
        return openIncident().map(i -> IncidentMessage.show(i, store.timeline(i.id()), clock.instant()))
                .orElseGet(() -> Reply.text("No incident is open for " + service + ". Open one with"
                        + " `/dr incident open SUMMARY` (a private preview first; nothing is posted before Post)."));
    }

    Reply draft(Actor actor, String summary) {
        String reason = summary.strip();
        if (reason.isEmpty()) {
            throw new UsageException("Say briefly what is wrong; it completes the announcement: \""
                    + settings.announcement("REASON") + "\"");
        }
        if (reason.length() > MAX_SUMMARY) {
            throw new UsageException("The summary is " + reason.length() + " characters; keep it under " + MAX_SUMMARY
                    + " (it is also the status-page incident's title). Edit the whole text from the preview.");
        }
        Optional<IncidentRecord> open = openIncident();
        if (open.isPresent()) {
            return alreadyOpen(open.get());
        }
        return preview(newDraft(actor, reason));
    }

    private IncidentRecord newDraft(Actor actor, String reason) {
        IncidentRecord draft = IncidentRecord.draft(nextId(), service, reason, settings.announcement(reason),
                actor.id(), actor.mention(), clock.instant());
        store.createDraft(draft);
        return draft;
    }

    Reply edit(Actor actor, String id, String text) {
        IncidentRecord draft = ownDraft(actor, id);
        String message = text.strip();
        if (message.isEmpty()) {
            throw new UsageException("Give the new text of the announcement.");
        }
        if (message.length() > MAX_TEXT) {
            throw new UsageException("The text is " + message.length() + " characters; keep it under " + MAX_TEXT + ".");
        }
        if (!store.editDraft(draft.id(), message)) {
            return notADraft(store.find(id).orElse(draft));
        }
        return preview(store.find(id).orElseThrow());
    }

    Reply discard(Actor actor, String id) {
        IncidentRecord draft = ownDraft(actor, id);
        if (!store.discardDraft(draft.id())) {
            return notADraft(store.find(id).orElse(draft));
        }
        return Reply.text("Discarded the draft " + id + "; nothing was posted.");
    }

    Reply post(Actor actor, String id) {
        IncidentRecord draft = ownDraft(actor, id);
        Instant now = clock.instant();
        IncidentStore.Posted posted = store.post(draft.id(), new TimelineEntry.New(now, actor.mention(),
                TimelineEntry.Kind.OPENED, IncidentStatus.INVESTIGATING, draft.message(), page.isPresent(), false));
        if (!posted.posted()) {
            Optional<IncidentRecord> holder = posted.openIncident().filter(h -> !h.equals(id)).flatMap(store::find);
            return holder.map(this::alreadyOpen).orElseGet(() -> notADraft(store.find(id).orElse(draft)));
        }
        IncidentSync.Outcome outcome = sync.sync(id);
        List<String> lines = new ArrayList<>();
        lines.add(":rotating_light: Incident " + id + " is open: “" + draft.summary() + "”.");
        lines.addAll(told(outcome, "opened (investigating), subscribers notified"));
        return Reply.text(String.join("\n", lines));
    }

    Reply update(Actor actor, String text, Optional<IncidentStatus> status) {
        IncidentRecord open = openIncident().orElseThrow(() -> new UsageException("No incident is open for " + service
                + "; open one with `/dr incident open SUMMARY`."));
        String body = text.strip();
        if (body.isEmpty()) {
            throw new UsageException("Say what changed; customers read it on the status page.");
        }
        if (body.length() > MAX_TEXT) {
            throw new UsageException("The update is " + body.length() + " characters; keep it under " + MAX_TEXT + ".");
        }
        IncidentStatus now = status.orElse(open.status());
        store.append(open.id(), new TimelineEntry.New(clock.instant(), actor.mention(), TimelineEntry.Kind.UPDATE, now,
                body, page.isPresent(), false));
        List<String> lines = new ArrayList<>();
        lines.add("Update posted on incident " + open.id() + " (" + IncidentMessage.statusWord(now) + ").");
        lines.addAll(told(sync.sync(open.id()), "updated"));
        return Reply.text(String.join("\n", lines));
    }

    Reply resolve(Actor actor, String text) {
        IncidentRecord open = openIncident().orElseThrow(() -> new UsageException("No incident is open for " + service
                + "; nothing to resolve."));
        String body = text.strip().isEmpty() ? DEFAULT_RESOLUTION : text.strip();
        if (body.length() > MAX_TEXT) {
            throw new UsageException("The text is " + body.length() + " characters; keep it under " + MAX_TEXT + ".");
        }
        Instant now = clock.instant();
        if (!store.resolve(open.id(), new TimelineEntry.New(now, actor.mention(), TimelineEntry.Kind.RESOLVED,
                IncidentStatus.RESOLVED, body, page.isPresent(), false))) {
            return Reply.text("Incident " + open.id() + " was resolved meanwhile; see `/dr history`.");
        }
        List<String> lines = new ArrayList<>();
        lines.add(":white_check_mark: Incident " + open.id() + " resolved after "
                + dev.lifeboat.runbook.Durations.words(Duration.between(open.openedAt().orElse(now), now)) + ".");
        lines.addAll(told(sync.sync(open.id()), "resolved, components back to operational"));
        return Reply.text(String.join("\n", lines));
    }

    /**
     * Opens an incident at once, without a preview: for Lifeboat itself (the monitor, when
     * {@code LIFEBOAT_AUTO_INCIDENT=true}). The same store rules hold: when one is open already, that one is named and
     * nothing new is opened. Returns one line saying what happened, for the announcement.
     */
    public String openNow(String summary, Actor by) {
        Optional<IncidentRecord> open = openIncident();
        if (open.isPresent()) {
            return "Incident " + open.get().id() + " is already open (“" + open.get().summary() + "”); none opened.";
        }
        String reason = summary.strip().length() > MAX_SUMMARY ? summary.strip().substring(0, MAX_SUMMARY)
                : summary.strip();
        Reply posted = post(by, newDraft(by, reason).id());
        return String.join(" ", TextRenderer.render(posted).lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /** Adds a line to the open incident's timeline (a run started while it is open); false when none is open. */
    public boolean note(String line) {
        Optional<IncidentRecord> open = openIncident();
        open.ifPresent(i -> store.append(i.id(), new TimelineEntry.New(clock.instant(), "Lifeboat",
                TimelineEntry.Kind.RUN, i.status(), line, false, false)));
        return open.isPresent();
    }

    /** What Slack and the status page were told, in words for the person who asked. */
    private List<String> told(IncidentSync.Outcome outcome, String pageDid) {
        List<String> lines = new ArrayList<>();
        if (outcome.busy()) {
            lines.add("Another Lifeboat instance is delivering this incident's announcements right now; they follow"
                    + " within a minute.");
            return lines;
        }
        if (outcome.slackProblem().isPresent()) {
            lines.add(":warning: Slack: not posted (" + outcome.slackProblem().get() + "). "
                    + (outcome.fallbackUsed() ? "Sent to the fallback webhook; " : "")
                    + "Lifeboat posts it in the channel once Slack answers again.");
        } else {
            lines.add("Slack: " + channel.where().map(w -> "posted in " + w + ".")
                    .orElse("nothing posted (LIFEBOAT_INCIDENT_CHANNEL is not set)."));
        }
        if (page.isEmpty()) {
            lines.add("Status page: not configured (set STATUSPAGE_API_KEY and STATUSPAGE_PAGE_ID).");
        } else if (outcome.pageProblem().isPresent()) {
            lines.add(":warning: Status page: not updated: " + outcome.pageProblem().get()
                    + " The incident goes on in Slack; Lifeboat tries again every minute.");
        } else {
            lines.add("Status page: " + pageDid + ".");
        }
        return lines;
    }

    private Reply preview(IncidentRecord draft) {
        return IncidentMessage.preview(draft, channel.where(), page.isPresent(), settings.componentIds());
    }

    private IncidentRecord ownDraft(Actor actor, String id) {
        IncidentRecord incident = store.find(id).orElseThrow(() -> new UsageException("There is no incident draft "
                + id + "; start again with `/dr incident open SUMMARY`."));
        if (!incident.openedById().equals(actor.id())) {
            throw new UsageException("Draft " + id + " is " + incident.openedBy() + "'s; only they can post, edit or"
                    + " discard it. Start your own with `/dr incident open SUMMARY`.");
        }
        return incident;
    }

    private Reply alreadyOpen(IncidentRecord open) {
        return Reply.text(":warning: An incident is already open for " + open.service() + ": “" + open.summary()
                + "” (" + open.id() + "), opened by " + open.openedBy() + " at "
                + open.openedAt().map(CLOCK::format).orElse("—") + ". Post to it with"
                + " `/dr incident update TEXT`, or `/dr incident resolve` it first.");
    }

    private static Reply notADraft(IncidentRecord incident) {
        return Reply.text("Incident " + incident.id() + " is no longer a draft (it is "
                + incident.phase().name().toLowerCase(java.util.Locale.ROOT) + "); nothing was changed."
                + " See `/dr incident`.");
    }

    private String nextId() {
        char[] id = new char[6];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return "i-" + new String(id);
    }
}
