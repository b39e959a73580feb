package dev.lifeboat.incident;

import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.statuspage.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What incidents look like (pure): the private preview, the one channel message kept as a timeline, the answer to
 * {@code /dr incident}, the reminder, and the line sent to the fallback webhook.
 */
final class IncidentMessage {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private IncidentMessage() {
    }

    /** The private preview: exactly what will be posted, where, and Post / Edit / Cancel. */
    static Reply preview(IncidentRecord draft, Optional<String> channel, boolean statusPage, List<String> components) {
        Reply.Builder b = Reply.builder("Preview of the incident announcement (not posted yet)")
                .header("Preview: incident " + draft.id())
                .section("*Announcement*\n>" + draft.message().replace("\n", "\n>"));
        List<String> where = new ArrayList<>();
        where.add("*Slack*\n" + channel.map(c -> "one message in " + c + ", kept up to date as a timeline")
                .orElse("nowhere: LIFEBOAT_INCIDENT_CHANNEL is not set"));
        where.add("*Status page*\n" + (statusPage
                ? "a new incident “" + draft.summary() + "”, *investigating*, subscribers notified"
                + (components.isEmpty() ? "" : "; " + components.size() + (components.size() == 1
                ? " component" : " components") + " shown as a major outage")
                : "not configured (set STATUSPAGE_API_KEY and STATUSPAGE_PAGE_ID)"));
        b.fields(where);
        b.context("Nothing is posted until you press Post. Customers will read this text.");
        b.buttons(List.of(new Button("Post", "incident post " + draft.id(), Button.Style.PRIMARY),
                Button.edit("Edit", "incident edit " + draft.id(), draft.message()),
                Button.of("Cancel", "incident discard " + draft.id())));
        return b.build();
    }

    /** The incident's one message in the channel: the announcement, where it stands, and every entry so far. */
    static Reply channelMessage(IncidentRecord incident, List<TimelineEntry> entries, Instant now) {
        boolean resolved = incident.phase() == IncidentRecord.Phase.RESOLVED;
        String title = (resolved ? ":white_check_mark: Resolved: " : ":rotating_light: Incident: ") + incident.summary();
        Reply.Builder b = Reply.builder(title).header(strip(title) + " (" + incident.id() + ")")
                .section(">" + incident.message().replace("\n", "\n>"));
        List<String> fields = new ArrayList<>();
        fields.add("*Status*\n" + statusWord(resolved ? IncidentStatus.RESOLVED : incident.status()));
        fields.add("*Opened by*\n" + incident.openedBy() + " at " + incident.openedAt().map(DAY::format).orElse("—"));
        fields.add(resolved ? "*Duration*\n" + Durations.words(incident.duration(now))
                : "*Open for*\n" + Durations.words(incident.duration(now)));
        fields.add("*Status page*\n" + pageLine(incident));
        b.fields(fields);
        StringBuilder timeline = new StringBuilder("*Timeline*");
        for (TimelineEntry e : entries) {
            if (e.notice() == TimelineEntry.Delivery.NONE) {
                timeline.append('\n').append(line(e));
            }
        }
        b.section(timeline.toString());
        if (resolved) {
            b.context("Resolved after " + Durations.words(incident.duration(now)) + ".");
        } else {
            b.context("Update: `/dr incident update TEXT [identified|monitoring]` · resolve: `/dr incident resolve [TEXT]`");
        }
        return b.visibility(Reply.Visibility.CHANNEL).build();
    }

    /** One timeline line: when, who, what. */
    static String line(TimelineEntry e) {
        String when = "`" + CLOCK.format(e.at()) + "` ";
        return switch (e.kind()) {
            case OPENED -> when + e.actor() + " opened the incident (" + statusWord(e.status()) + ")";
            case UPDATE -> when + e.actor() + " (" + statusWord(e.status()) + "): " + e.text();
            case RESOLVED -> when + e.actor() + " resolved it: " + e.text();
            case RUN, PAGE_FAILED, PAGE_CAUGHT_UP, REMINDER -> when + e.text();
        };
    }

    /** The answer to {@code /dr incident}. */
    static Reply show(IncidentRecord incident, List<TimelineEntry> entries, Instant now) {
        Reply message = channelMessage(incident, entries, now);
        return new Reply("Open incident: " + incident.summary(), message.blocks(), Reply.Visibility.PRIVATE);
    }

    /** The reminder after {@code quiet} without an update. */
    static String reminder(IncidentRecord incident, Duration quiet) {
        return ":alarm_clock: No update on the incident “" + incident.summary() + "” (" + incident.id() + ") for "
                + Durations.words(quiet) + ". " + incident.openedBy() + " opened it at "
                + incident.openedAt().map(CLOCK::format).orElse("—") + ": post an update with"
                + " `/dr incident update TEXT`, or `/dr incident resolve` when it is over.";
    }

    /** What the fallback webhook is sent for an entry. */
    static String fallbackText(IncidentRecord incident, TimelineEntry e) {
        String what = switch (e.kind()) {
            case OPENED -> "Incident opened by " + plainActor(e.actor()) + ": " + incident.message();
            case UPDATE -> "Update (" + statusWord(e.status()) + ") by " + plainActor(e.actor()) + ": " + e.text();
            case RESOLVED -> "Resolved by " + plainActor(e.actor()) + " after "
                    + Durations.words(incident.duration(e.at())) + ": " + e.text();
            case RUN, PAGE_FAILED, PAGE_CAUGHT_UP, REMINDER -> e.text();
        };
        return "[Lifeboat] " + incident.summary() + " (" + incident.id() + "): " + what
                + " (Slack could not be reached; this will be posted there once it answers.)";
    }

    static String statusWord(IncidentStatus status) {
        return status.json().toLowerCase(Locale.ROOT);
    }

    private static String pageLine(IncidentRecord incident) {
        if (incident.pageError().isPresent()) {
            return ":warning: behind: " + incident.pageError().get() + " Lifeboat retries every minute.";
        }
        return incident.pageIncidentId().map(id -> "incident " + id).orElse("—");
    }

    private static String plainActor(String actor) {
        return actor.replaceAll("<@([A-Z0-9]+)>", "@$1");
    }

    private static String strip(String title) {
        return title.replaceAll(":[a-z_]+: ", "");
    }
}
