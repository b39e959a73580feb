package dev.lifeboat.console;

import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunListener;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints runs live in the terminal: one line when a step starts, ends, fails or is skipped, one for each event
 * people should hear of (a start, an approval, the end and its outcome), and a step's progress at most every
 * {@link #PROGRESS_EVERY}. For example {@code [r-abc123] ✓ Safety backup of acme-prod (b014, 90.00 MB) 8 s}.
 */
@Singleton
public final class ConsoleProgress implements RunListener {
    /** A step's progress ("restoring: 40.00 MB of 90.00 MB (44%)") is printed at most this often. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Pattern CONSOLE_USER = Pattern.compile("console:([\\w.-]*[\\w-])");

    private final PrintStream out;
    private final Clock clock;
    private final Map<String, Instant> lastProgress = new ConcurrentHashMap<>();

    @Inject
    public ConsoleProgress(@Named("console") PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void changed(Run run, RunEvent event) {
        line(run, event).ifPresent(line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
    }

    /** The line for this event, if it deserves one. */
    Optional<String> line(Run run, RunEvent event) {
        String prefix = "[" + run.id() + "] ";
        Optional<StepRecord> step = event.stepId().flatMap(run::step);
        Instant now = clock.instant();
        return switch (event.kind()) {
            case STEP_STARTED -> step.map(s -> prefix + "▶ " + s.title() + (s.attempts() > 1 ? " (try " + s.attempts() + ")" : ""));
            case STEP_PROGRESS -> step.filter(s -> dueForProgress(run.id() + "/" + s.id(), now))
                    .map(s -> prefix + "… " + s.title() + ": " + plain(s.detail()));
            case STEP_FINISHED, STEP_FAILED -> step.map(s -> prefix + stepLine(s, now));
            case FINISHED -> {
                lastProgress.keySet().removeIf(key -> key.startsWith(run.id() + "/"));
                yield Optional.of(prefix + ended(run) + ": " + plain(event.text()));
            }
            default -> Optional.of(prefix + plain(event.text()));
        };
    }

    /** A step that ended: its mark, title, detail and how long it took. */
    static String stepLine(StepRecord step, Instant now) {
        String mark = switch (step.state()) {
            case SUCCEEDED -> "✓";
            case FAILED -> "✗";
            case SKIPPED -> "–";
            case CANCELLED -> "■";
            default -> "…";
        };
        String detail = step.detail().isEmpty() ? "" : " (" + (step.state() == StepState.SKIPPED ? "skipped: " : "")
                + plain(step.detail()) + ")";
        String took = step.state() == StepState.SKIPPED ? "" : step.duration(now).map(d -> " " + Durations.words(d)).orElse("");
        return mark + " " + step.title() + detail + took;
    }

    private static String ended(Run run) {
        String took = run.startedAt().flatMap(start -> run.finishedAt().map(end -> " in " + Durations.words(Duration.between(start, end))))
                .orElse("");
        return switch (run.state()) {
            case SUCCEEDED -> "✅ Succeeded" + took;
            case FAILED -> "❌ Failed" + took;
            case CANCELLED -> "■ Cancelled";
            case EXPIRED -> "⌛ Expired";
            default -> run.state().name();
        };
    }

    private boolean dueForProgress(String key, Instant now) {
        Instant last = lastProgress.get(key);
        if (last != null && now.isBefore(last.plus(PROGRESS_EVERY))) {
            return false;
        }
        lastProgress.put(key, now);
        return true;
    }

    /** mrkdwn to plain text, with console users by name. */
    private static String plain(String text) {
        return CONSOLE_USER.matcher(TextRenderer.plain(text)).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }
}
