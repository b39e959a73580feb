package dev.lifeboat.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's one message in the incident channel, and its thread replies, as pure functions of the run: the title, a
 * line saying where the run stands (and, once it ended, its outcome), who asked and who approved, then every step
 * with its state, duration and detail. A run waiting for approval carries an Approve button. Rendered through
 * {@link BlockKit}, so it always fits Slack's limits.
 */
final class RunMessage {
    /** A step's detail beyond this is cut: the message must stay readable with a dozen steps. */
    static final int MAX_DETAIL = 300;
    static final int MAX_STEP_TITLE = 150;
    static final int MAX_OUTCOME = 2_000;
    /** Slack user ids (U… or W…, with at least one digit), not already inside a mention. */
    private static final Pattern SLACK_USER = Pattern.compile("(?<![@\\w])([UW](?=[A-Z0-9]*\\d)[A-Z0-9]{7,})(?![\\w>])");
    private static final Pattern CONSOLE_USER = Pattern.compile("console:([\\w.-]*[\\w-])");

    private RunMessage() {
    }

    static List<LayoutBlock> blocks(Run run, Instant now) {
        return BlockKit.render(reply(run, now));
    }

    /** The message as a {@link Reply}: what {@link #blocks} renders. */
    static Reply reply(Run run, Instant now) {
        Reply.Builder message = Reply.builder(summary(run)).header(run.title());
        message.section(standing(run, now));
        message.context(people(run));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < run.steps().size(); i++) {
            lines.add(stepLine(run.steps().get(i), now));
        }
        if (!lines.isEmpty()) {
            message.section(String.join("\n", lines));
        }
        if (run.state() == RunState.WAITING_FOR_APPROVAL) {
            message.buttons(List.of(new Button("Approve", "approve " + run.id(), Button.Style.PRIMARY)));
        }
        return message.build();
    }

    /** The notification text (what a phone shows): the title and where the run stands. */
    static String summary(Run run) {
        return run.title() + " — " + stateWord(run);
    }

    /** Where the run stands, and its closing line once it has one. */
    static String standing(Run run, Instant now) {
        String line = switch (run.state()) {
            case PROPOSED -> ":memo: *Proposed* — waiting for the requester to confirm";
            case WAITING_FOR_APPROVAL -> ":raised_hand: *Waiting for approval* — another operator must approve: "
                    + "click *Approve* or run `/dr approve " + run.id() + "`";
            case RUNNING -> run.cancelRequestedBy().isPresent()
                    ? ":octagonal_sign: *Stopping* — cancel requested by " + who(run.cancelRequestedBy().get())
                    + "; stopping at the next safe point"
                    : ":arrows_counterclockwise: *Running*" + run.current()
                    .map(s -> " — step " + (run.steps().indexOf(s) + 1) + " of " + run.steps().size() + ": " + s.title())
                    .orElse("");
            case SUCCEEDED -> ":white_check_mark: *Succeeded*" + took(run, now);
            case FAILED -> ":x: *Failed*" + took(run, now);
            case CANCELLED -> ":no_entry_sign: *Cancelled*" + took(run, now);
            case EXPIRED -> ":hourglass: *Expired*";
        };
        if (!run.outcome().isEmpty()) {
            line += "\n" + BlockKit.cut(mentions(run.outcome()), MAX_OUTCOME);
        }
        return line;
    }

    /** Who asked and who approved, the run's id (what {@code /dr cancel} takes) and when it started. */
    static String people(Run run) {
        StringBuilder line = new StringBuilder("Run `").append(run.id()).append("` · requested by ").append(who(run.requestedBy()));
        List<String> approvers = run.approvedBy().stream().filter(a -> !a.equals(run.requestedBy())).map(RunMessage::who).toList();
        if (!approvers.isEmpty()) {
            line.append(" · approved by ").append(String.join(", ", approvers));
        }
        run.startedAt().ifPresent(at -> line.append(" · started ").append(time(at)));
        return line.toString();
    }

    /** One step: its state as an emoji and a word, how long it took (or has been running), and its detail. */
    static String stepLine(StepRecord step, Instant now) {
        String title = BlockKit.cut(step.title(), MAX_STEP_TITLE);
        String duration = step.duration(now).map(Durations::words).orElse("");
        String state = switch (step.state()) {
            case PENDING -> "waiting";
            case RUNNING -> "running" + (duration.isEmpty() ? "" : " for " + duration);
            case SUCCEEDED -> "done" + (duration.isEmpty() ? "" : " in " + duration);
            case FAILED -> "failed" + (duration.isEmpty() ? "" : " after " + duration);
            case SKIPPED -> "skipped";
            case CANCELLED -> "stopped" + (duration.isEmpty() ? "" : " after " + duration);
            case WAITING_FOR_APPROVAL -> "waiting for approval";
        };
        if (step.attempts() > 1 && step.state() != StepState.SKIPPED) {
            state += " (try " + step.attempts() + ")";
        }
        boolean started = step.state() != StepState.PENDING && step.state() != StepState.SKIPPED;
        StringBuilder line = new StringBuilder(emoji(step.state())).append(' ')
                .append(started ? "*" + title + "*" : title).append(" — ").append(state);
        if (!step.detail().isEmpty()) {
            line.append(" · ").append(escape(BlockKit.cut(step.detail(), MAX_DETAIL)));
        }
        return line.toString();
    }

    /** A thread reply for an event people should hear of (a start, an approval, a failure, the end). */
    static String threadReply(Run run, RunEvent event) {
        String text = switch (event.kind()) {
            case STARTED -> ":arrow_forward: " + mentions(event.text());
            case WAITING_FOR_APPROVAL -> ":raised_hand: " + mentions(event.text());
            case APPROVED -> ":ballot_box_with_check: " + mentions(event.text());
            case STEP_FAILED -> ":x: " + event.stepId().flatMap(run::step)
                    .map(s -> "*" + BlockKit.cut(s.title(), MAX_STEP_TITLE) + "* failed: " + escape(BlockKit.cut(s.detail(), MAX_DETAIL)))
                    .orElseGet(() -> escape(event.text()));
            case CANCEL_REQUESTED -> ":octagonal_sign: " + mentions(event.text());
            case RESUMED -> ":arrows_counterclockwise: " + mentions(event.text());
            case FINISHED -> emoji(run.state()) + " *" + stateWord(run) + "*: " + mentions(event.text());
            default -> mentions(event.text());
        };
        return BlockKit.cut(text, BlockKit.MAX_SECTION);
    }

    /** A person as Slack shows them: a Slack user id becomes a mention, a console user their name. */
    static String who(String actorId) {
        if (actorId.startsWith("console:")) {
            return actorId.substring("console:".length()) + " (console)";
        }
        return SLACK_USER.matcher(actorId).matches() ? "<@" + actorId + ">" : actorId;
    }

    /** Text from the engine or a runbook with the people in it (user ids) turned into mentions. */
    static String mentions(String text) {
        String out = SLACK_USER.matcher(text).replaceAll("<@$1>");
        return CONSOLE_USER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " (console)"));
    }

    static String emoji(StepState state) {
        return switch (state) {
            case PENDING -> ":white_circle:";
            case RUNNING -> ":arrows_counterclockwise:";
            case SUCCEEDED -> ":white_check_mark:";
            case FAILED -> ":x:";
            case SKIPPED -> ":heavy_minus_sign:";
            case CANCELLED -> ":no_entry_sign:";
            case WAITING_FOR_APPROVAL -> ":raised_hand:";
        };
    }

    private static String emoji(RunState state) {
        return switch (state) {
            case SUCCEEDED -> ":white_check_mark:";
            case FAILED -> ":x:";
            case CANCELLED -> ":no_entry_sign:";
            case EXPIRED -> ":hourglass:";
            default -> ":information_source:";
        };
    }

    private static String stateWord(Run run) {
        if (run.state() == RunState.RUNNING && run.cancelRequestedBy().isPresent()) {
            return "Stopping";
        }
        String word = run.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String took(Run run, Instant now) {
        return run.startedAt().map(start -> " in " + Durations.words(Duration.between(start, run.finishedAt().orElse(now))))
                .orElse(" before it started");
    }

    /** A time every reader sees in their own zone; the UTC time where Slack cannot format it. */
    private static String time(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + at.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ') + ">";
    }

    /** Raw text (a step's detail, an upstream's reason) shown literally in mrkdwn. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
