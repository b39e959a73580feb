package dev.lifeboat.monitor;

import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.status.Ages;
import dev.lifeboat.status.StatusReport.NextStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The monitor's messages in the incident channel, as {@link Reply}s. Pure. */
final class Announcements {
    private Announcements() {
    }

    /**
     * "The app (acme-prod) is down": since when and after how many failed checks, the last check, the diagnosis
     * (ours or the platform's, as {@code status} says it), flaps, what auto-incident did, and the fitting buttons.
     */
    static Reply down(String name, MonitorRules.Change change, Observation last, Optional<String> diagnosis,
                      List<NextStep> steps, Optional<Button> openIncident, Optional<String> incidentNote,
                      MonitorSettings settings) {
        String title = name + " is down";
        StringBuilder text = new StringBuilder(":rotating_light: *").append(title).append("* since ")
                .append(Ages.when(change.since())).append(": ").append(settings.downAfter())
                .append(settings.downAfter() == 1 ? " check failed." : " checks in a row failed.")
                .append("\nLast check: ").append(last.what());
        diagnosis.ifPresent(d -> text.append('\n').append(d));
        Reply.Builder reply = Reply.builder(":rotating_light: " + title).section(text.toString());
        flaps(change, settings).ifPresent(reply::context);
        incidentNote.ifPresent(reply::section);
        List<Button> buttons = new ArrayList<>();
        for (NextStep step : steps) {
            buttons.add(new Button(step.label(), step.command(), step.danger() ? Button.Style.DANGER : Button.Style.DEFAULT));
        }
        openIncident.ifPresent(buttons::add);
        reply.buttons(buttons);
        reply.context(footer(settings));
        return reply.visibility(Reply.Visibility.CHANNEL).build();
    }

    /** "The app (acme-prod) is back up after 7 min of downtime", with the last check and flaps. */
    static Reply up(String name, MonitorRules.Change change, Observation last, MonitorSettings settings) {
        String downtime = change.downtime().map(Ages::age).orElse("some");
        String title = name + " is back up";
        Reply.Builder reply = Reply.builder(":white_check_mark: " + title + " after " + downtime + " of downtime")
                .section(":white_check_mark: *" + title + "* after " + downtime + " of downtime (down since "
                        + Ages.when(change.since()) + ").\nLast check: " + last.what());
        flaps(change, settings).ifPresent(reply::context);
        reply.context(footer(settings));
        return reply.visibility(Reply.Visibility.CHANNEL).build();
    }

    private static Optional<String> flaps(MonitorRules.Change change, MonitorSettings settings) {
        if (change.flaps() == 0) {
            return Optional.empty();
        }
        return Optional.of(":warning: Flapping: it went down and came back " + (change.flaps() == 1 ? "once" : change.flaps() + " times")
                + " since the last message without a message each time (at most one down and one up message per "
                + Ages.age(settings.flapWindow()) + ").");
    }

    private static String footer(MonitorSettings settings) {
        return "Lifeboat monitor · a check every " + Ages.age(settings.interval()) + ", down after "
                + settings.downAfter() + (settings.downAfter() == 1 ? " failure" : " failures in a row")
                + " · `/dr status` for the whole picture";
    }
}
