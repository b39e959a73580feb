package dev.lifeboat.app;

import dev.lifeboat.config.Redact;
import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Follows the release a rollback created until it {@code succeeded} (its release phase, if any, passed and it runs)
 * or {@code failed} (then the last lines of its release phase's output are shown; Heroku keeps the release before
 * it running). Only reads.
 */
final class AwaitRelease extends NamedStep {
    static final String ID = "release";
    /** How many of the release phase's last lines a failure shows. */
    static final int OUTPUT_LINES = 12;
    /** How much of the output is read to find its end. */
    private static final int OUTPUT_READ = 2_000;

    private final AppParts parts;
    private final String app;

    AwaitRelease(AppParts parts, String app) {
        super(ID, "Wait for the new release", parts.timings.releaseTimeout().plus(parts.timings.callTimeout()));
        this.parts = parts;
        this.app = app;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        String id = context.recordedBy(StartRollback.ID, StartRollback.RELEASE_ID)
                .orElseThrow(() -> new IllegalStateException("the rollback recorded no release"));
        Instant until = context.now().plus(parts.timings.releaseTimeout());
        while (true) {
            Release release;
            try {
                release = parts.heroku().release(app, id);
            } catch (UpstreamException e) {
                return Failures.of(e, "reading the new release of " + app);
            }
            switch (release.status()) {
                case SUCCEEDED -> {
                    return StepOutcome.succeeded(release.label() + " succeeded and runs");
                }
                case FAILED -> {
                    return StepOutcome.failed(release.label() + " failed its release phase" + output(release));
                }
                case EXPIRED -> {
                    return StepOutcome.failed(release.label() + " expired before it was released.");
                }
                default -> {
                    if (!context.now().isBefore(until)) {
                        return StepOutcome.failed(release.label() + " is still " + release.status().wire() + " after "
                                + Durations.words(parts.timings.releaseTimeout()) + ".");
                    }
                    context.progress(release.label() + " " + release.status().wire()
                            + ": the release phase is running");
                    context.sleep(parts.timings.releasePoll());
                }
            }
        }
    }

    /** The app's config var values hidden, then secrets; only secrets when the config vars cannot be read. */
    private UnaryOperator<String> hidden() {
        try {
            return LogText.redactor(parts.heroku().configVars(app));
        } catch (UpstreamException e) {
            return Redact::text;
        }
    }

    /** ":\n```last lines```", or why there are none. */
    private String output(Release release) {
        try {
            LogLines out = parts.heroku().releaseOutput(release, OUTPUT_READ, parts.timings.logsTimeLimit());
            List<String> lines = out.lines();
            if (lines.isEmpty()) {
                return " (Heroku kept no output for it).";
            }
            List<String> last = lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size()).stream()
                    .map(hidden()).toList();
            return "; the last " + (last.size() == 1 ? "line" : last.size() + " lines") + " of its output:\n```\n"
                    + LogText.codeBlockSafe(String.join("\n", last)) + "\n```";
        } catch (UpstreamException e) {
            return " (its output could not be read: " + Redact.text(e.getMessage()) + ").";
        }
    }
}
