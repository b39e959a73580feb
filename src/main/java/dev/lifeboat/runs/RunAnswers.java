package dev.lifeboat.runs;

import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Decision;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import java.util.List;

/** A {@link Decision} in words, for the person who confirmed, approved or cancelled. Pure. */
final class RunAnswers {
    private RunAnswers() {
    }

    static Reply refused(Decision.Refused refused) {
        return Reply.text(":no_entry: " + refused.reason());
    }

    /** After a confirmation or an approval took effect. */
    static Reply started(Run run, String approvedBy) {
        String id = "`" + run.id() + "`";
        if (run.state() == RunState.WAITING_FOR_APPROVAL) {
            int needed = run.params().get(RunEngine.APPROVALS).map(Integer::parseInt).orElse(1);
            int missing = Math.max(1, needed - run.approvedBy().size());
            return Reply.text(":hourglass: " + (approvedBy.isEmpty() ? "Confirmed" : "Approved") + ". Run " + id + " ("
                    + run.title() + ") needs " + (missing == 1 ? "one more operator's" : missing + " more operators'")
                    + " approval: another operator runs `/dr approve " + run.id() + "` within "
                    + RunEngine.PROPOSAL_TTL.toMinutes() + " minutes. Nothing has changed yet; `/dr cancel " + run.id()
                    + "` withdraws it.");
        }
        return Reply.text(":rocket: " + (approvedBy.isEmpty() ? "" : "Approved. ") + "Run " + id + " started: "
                + run.title() + ". Each step is reported as it runs; `/dr cancel " + run.id()
                + "` stops it at the next safe point.");
    }

    /** After a cancel took effect: at once for a run not yet started, at the next safe point for a running one. */
    static Reply cancelled(Run run) {
        String id = "`" + run.id() + "`";
        if (run.state() == RunState.CANCELLED) {
            return Reply.text(":white_check_mark: Cancelled run " + id + " (" + run.title() + "): nothing was changed.");
        }
        if (run.state().finished()) {
            return Reply.text("Run " + id + " ended before the cancel reached it: " + run.outcome());
        }
        List<StepRecord> done = run.steps().stream().filter(s -> s.state() == StepState.SUCCEEDED).toList();
        StringBuilder out = new StringBuilder(":hourglass: Cancelling run " + id + " (" + run.title()
                + "): it stops at the next safe point");
        run.current().ifPresent(step -> out.append(" (now: ").append(step.title())
                .append(step.detail().isEmpty() ? "" : " — " + step.detail()).append(')'));
        out.append(".\n");
        if (done.isEmpty()) {
            out.append("Nothing has been changed yet.");
        } else {
            out.append("Done so far:");
            done.forEach(s -> out.append("\n• ").append(s.title()).append(s.detail().isEmpty() ? "" : ": " + s.detail()));
        }
        long left = run.steps().stream().filter(s -> !s.state().done() && s.state() != StepState.RUNNING).count();
        if (left > 0) {
            out.append("\nNot started, and will not be: ").append(left).append(left == 1 ? " step." : " steps.");
        }
        out.append("\nWhen it stops, its closing message says the state it leaves and what to do next.");
        return Reply.text(out.toString());
    }
}
