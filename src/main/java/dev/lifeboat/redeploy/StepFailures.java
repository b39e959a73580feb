package dev.lifeboat.redeploy;

import dev.lifeboat.config.Redact;
import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.StepOutcome;
import java.util.List;
import java.util.Set;

/** An upstream's failure as a step's outcome, and output lines as a step shows them. */
final class StepFailures {
    /** Rate limits, the upstream's own errors and no answer in time: the engine retries these within the step. */
    static final Set<Failure> RETRYABLE = Set.of(Failure.RATE_LIMITED, Failure.SERVER_ERROR, Failure.TIMEOUT,
            Failure.UNREACHABLE);
    /** A line of output longer than this is cut, so the last lines fit a Slack message. */
    static final int MAX_LINE = 160;
    static final String FENCE = "```";

    private StepFailures() {
    }

    /** {@code doing} says what was being done, e.g. "starting the build of e57f0b3". */
    static StepOutcome of(UpstreamException e, String doing) {
        String reason = "Failed " + doing + ": " + Redact.text(e.getMessage());
        return RETRYABLE.contains(e.failure()) ? StepOutcome.retryable(reason) : StepOutcome.failed(reason);
    }

    /** The lines as a code block, each cut and redacted; says when earlier lines were left out. */
    static String block(LogLines output) {
        List<String> lines = output.lines();
        if (lines.isEmpty()) {
            return "(no output lines)";
        }
        StringBuilder out = new StringBuilder(FENCE).append('\n');
        for (String line : lines) {
            String safe = Redact.text(line).replace(FENCE, "'''");
            out.append(safe.length() > MAX_LINE ? safe.substring(0, MAX_LINE - 1) + "…" : safe).append('\n');
        }
        return out.append(FENCE).toString();
    }

    /** Where a failed step keeps its output's code block, for the run's closing message. */
    static final String OUTPUT = "output";

    /**
     * A failed build or release phase: the step's one-line detail quotes the output's last line (a step's line in
     * Slack is short, and must not open a code block it cannot close); the last lines, as a code block, are recorded
     * under {@link #OUTPUT} for the closing message.
     */
    static StepOutcome failedWithOutput(dev.lifeboat.runbook.StepContext context, String what, LogLines output) {
        context.record(OUTPUT, block(output));
        String last = output.lines().isEmpty() ? "" : lastLine(output.lines());
        return StepOutcome.failed(what + (last.isEmpty() ? " (no output lines)."
                : "; its last output line: \"" + last + "\". Its last " + output.lines().size()
                + " lines are in the closing message."));
    }

    /** The last line that says something: not blank, not a bare {@code !} marker; cut and redacted. */
    static String lastLine(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = Redact.text(lines.get(i)).replaceFirst("^[\\s!]+", "").strip();
            if (!line.isEmpty()) {
                return line.length() > MAX_LINE ? line.substring(0, MAX_LINE - 1) + "…" : line;
            }
        }
        return "";
    }
}
