package dev.lifeboat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunMessageTest {
    static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

    static StepRecord step(String id, String title, StepState state, String detail, int attempts, Integer startSecond, Integer endSecond) {
        return new StepRecord(id, title, state, detail, attempts, Optional.ofNullable(startSecond).map(T0::plusSeconds),
                Optional.ofNullable(endSecond).map(T0::plusSeconds), Map.of());
    }

    static Run run(RunState state, List<String> approvedBy, Optional<Instant> finished, String outcome, List<StepRecord> steps) {
        return new Run("r-abc234", "restore", "Restore b012 into acme-prod (production)", "postgres:acme-prod",
                RunParams.of(Map.of()), state, "U0OPERATOR", approvedBy, Optional.empty(), T0.minusSeconds(60),
                Optional.of(T0), finished, outcome, Map.of(), steps);
    }

    static String text(LayoutBlock block) {
        if (block instanceof SectionBlock s) {
            return s.getText().getText();
        }
        if (block instanceof ContextBlock c) {
            return ((MarkdownTextObject) c.getElements().get(0)).getText();
        }
        if (block instanceof HeaderBlock h) {
            return h.getText().getText();
        }
        return "";
    }

    @Test
    void aRunningRunShowsEveryStepWithItsStateDurationAndDetail() {
        Run running = run(RunState.RUNNING, List.of("U0OPERATOR", "U0SECOND"), Optional.empty(), "", List.of(
                step("preflight", "Preflight", StepState.SUCCEEDED, "backup b012 succeeded; 90.00 MB", 1, 0, 2),
                step("maintenance-on", "Maintenance mode on", StepState.SKIPPED, "staging: no maintenance mode", 0, null, 2),
                step("safety-backup", "Safety backup of acme-prod", StepState.SUCCEEDED, "b014, 90.00 MB", 2, 2, 10),
                step("restore", "Restore b012 into acme-prod", StepState.RUNNING, "restoring: 40.00 MB of 90.00 MB (44%)", 1, 10, null),
                step("verify", "Verify the app answers", StepState.PENDING, "", 0, null, null)));

        List<LayoutBlock> blocks = RunMessage.blocks(running, T0.plusSeconds(75));

        assertEquals("Restore b012 into acme-prod (production)", text(blocks.get(0)));
        assertEquals(":arrows_counterclockwise: *Running* — step 4 of 5: Restore b012 into acme-prod", text(blocks.get(1)));
        assertEquals("Run `r-abc234` · requested by <@U0OPERATOR> · approved by <@U0SECOND> · started "
                + "<!date^1795748400^{date_short_pretty} {time}|2026-11-27 03:00:00Z>", text(blocks.get(2)));
        assertEquals(":white_check_mark: *Preflight* — done in 2 s · backup b012 succeeded; 90.00 MB\n"
                + ":heavy_minus_sign: Maintenance mode on — skipped · staging: no maintenance mode\n"
                + ":white_check_mark: *Safety backup of acme-prod* — done in 8 s (try 2) · b014, 90.00 MB\n"
                + ":arrows_counterclockwise: *Restore b012 into acme-prod* — running for 1 min 5 s · restoring: 40.00 MB of 90.00 MB (44%)\n"
                + ":white_circle: Verify the app answers — waiting", text(blocks.get(3)));
        assertEquals(4, blocks.size(), "no buttons while running");
        assertEquals("Restore b012 into acme-prod (production) — Running", RunMessage.summary(running));
    }

    @Test
    void aFinishedRunLeadsWithItsOutcome() {
        Run failed = run(RunState.FAILED, List.of("U0OPERATOR"), Optional.of(T0.plusSeconds(252)),
                "Maintenance mode is ON: run `/dr maintenance off` once the database is sound.", List.of(
                        step("restore", "Restore", StepState.FAILED, "Heroku answered 422: <b012> & not restorable", 1, 10, 250),
                        step("verify", "Verify", StepState.SKIPPED, "not run: an earlier step failed", 0, null, 250)));

        List<LayoutBlock> blocks = RunMessage.blocks(failed, T0.plusSeconds(300));

        assertEquals(":x: *Failed* in 4 min 12 s\nMaintenance mode is ON: run `/dr maintenance off` once the database is sound.",
                text(blocks.get(1)));
        assertTrue(text(blocks.get(3)).startsWith(":x: *Restore* — failed after 4 min · Heroku answered 422: &lt;b012&gt; &amp; not restorable\n"),
                text(blocks.get(3)));
        assertFalse(text(blocks.get(2)).contains("approved by"), "the requester's own confirmation is not an approval");
    }

    @Test
    void aRunWaitingForApprovalOffersAnApproveButtonThatRunsApproveRun() {
        Run waiting = run(RunState.WAITING_FOR_APPROVAL, List.of("U0OPERATOR"), Optional.empty(), "",
                List.of(step("restore", "Restore", StepState.PENDING, "", 0, null, null)));

        List<LayoutBlock> blocks = RunMessage.blocks(waiting, T0);

        ActionsBlock actions = (ActionsBlock) blocks.get(blocks.size() - 1);
        ButtonElement approve = (ButtonElement) actions.getElements().get(0);
        assertEquals("Approve", approve.getText().getText());
        assertEquals("approve r-abc234", approve.getValue());
        assertTrue(approve.getActionId().startsWith(BlockKit.RUN_ACTION_PREFIX), approve.getActionId());
        assertTrue(text(blocks.get(1)).startsWith(":raised_hand: *Waiting for approval*"), text(blocks.get(1)));
    }

    @Test
    void aRunWithVeryManyLongStepsStaysWithinSlacksLimitsAndKeepsItsOutcome() {
        List<StepRecord> steps = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            steps.add(step("s" + i, "Step " + i + " " + "t".repeat(200), StepState.SUCCEEDED, "d".repeat(1_000), 1, 0, 1));
        }
        Run huge = run(RunState.SUCCEEDED, List.of("U0OPERATOR"), Optional.of(T0.plusSeconds(5)), "Done. " + "o".repeat(5_000), steps);

        List<LayoutBlock> blocks = RunMessage.blocks(huge, T0);

        assertTrue(blocks.size() <= 50, blocks.size() + " blocks");
        int total = 0;
        for (LayoutBlock block : blocks) {
            String text = text(block);
            assertTrue(text.length() <= 3_000, "a block of " + text.length() + " characters");
            total += text.length();
        }
        assertTrue(total <= 12_000, total + " characters in all");
        assertTrue(text(blocks.get(1)).startsWith(":white_check_mark: *Succeeded* in 5 s\nDone. ooo"), text(blocks.get(1)));
        assertTrue(text(blocks.get(blocks.size() - 1)).contains("left out to fit Slack's message limits"), "says what was cut");
    }

    @Test
    void threadRepliesNameThePeopleAndTheFailedStep() {
        Run failed = run(RunState.FAILED, List.of("U0OPERATOR"), Optional.of(T0.plusSeconds(30)), "Maintenance mode is ON.",
                List.of(step("restore", "Restore b012", StepState.FAILED, "HTTP 422", 1, 0, 30)));

        assertEquals(":arrow_forward: Started by <@U0OPERATOR>.",
                RunMessage.threadReply(failed, RunEvent.of(RunEvent.Kind.STARTED, "Started by U0OPERATOR.")));
        assertEquals(":x: *Restore b012* failed: HTTP 422",
                RunMessage.threadReply(failed, RunEvent.step(RunEvent.Kind.STEP_FAILED, "restore", "Restore b012 failed: HTTP 422")));
        assertEquals(":x: *Failed*: Maintenance mode is ON.",
                RunMessage.threadReply(failed, RunEvent.of(RunEvent.Kind.FINISHED, "Maintenance mode is ON.")));
        assertEquals(":octagonal_sign: Cancel requested by alice (console); stopping.",
                RunMessage.threadReply(failed, RunEvent.of(RunEvent.Kind.CANCEL_REQUESTED, "Cancel requested by console:alice; stopping.")));
    }
}
