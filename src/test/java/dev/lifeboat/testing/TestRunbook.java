package dev.lifeboat.testing;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.runbook.StepRecord;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A restore-shaped runbook for adapter tests: announce, safety backup, restore (with progress), verify. Parameters:
 * {@code fail=STEP} makes that step fail; {@code progress=N} gives the restore N progress updates,
 * {@code progress_ms=MS} apart, after {@code wait_ms=MS} (real waits, through the step's safe sleep). {@code elapse} is how a step "takes
 * time" (a manual clock's advance; nothing for a real clock).
 */
public final class TestRunbook implements Runbook {
    public static final String NAME = "test-restore";
    public static final String FAILURE = "Heroku answered 422: backup b012 is not restorable";

    private final Consumer<Duration> elapse;

    public TestRunbook(Consumer<Duration> elapse) {
        this.elapse = elapse;
    }

    public TestRunbook() {
        this(d -> {
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps(RunParams params) {
        return List.of(
                simple("announce", "Announce in the incident channel", Duration.ofSeconds(1), "posted"),
                simple("safety-backup", "Safety backup of acme-prod", Duration.ofSeconds(8), "b014, 90.00 MB"),
                new TestStep("restore", "Restore b012 into acme-prod") {
                    @Override
                    public StepOutcome run(StepContext context) throws InterruptedException {
                        if (failsHere(context)) {
                            return StepOutcome.failed(FAILURE);
                        }
                        int updates = Integer.parseInt(context.params().get("progress").orElse("0"));
                        long gap = Long.parseLong(context.params().get("progress_ms").orElse("0"));
                        long wait = Long.parseLong(context.params().get("wait_ms").orElse("0"));
                        if (wait > 0) {
                            context.sleep(Duration.ofMillis(wait));
                        }
                        for (int i = 1; i <= updates; i++) {
                            long percent = Math.round(100.0 * i / (updates + 1));
                            context.progress(String.format("restoring: %.2f MB of 90.00 MB (%d%%)", 0.9 * percent, percent));
                            if (gap > 0) {
                                context.sleep(Duration.ofMillis(gap));
                            }
                        }
                        elapse.accept(Duration.ofSeconds(12));
                        return StepOutcome.succeeded("restored 90.00 MB");
                    }
                },
                simple("verify", "Verify the app answers", Duration.ofSeconds(1), "200 in 85 ms"));
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        return "Maintenance mode is ON: run `/dr maintenance off` once the database is sound.";
    }

    @Override
    public String afterSuccess(Run run) {
        return "Done. RTO 22 s, RPO 2 h.";
    }

    private Step simple(String id, String title, Duration takes, String detail) {
        return new TestStep(id, title) {
            @Override
            public StepOutcome run(StepContext context) {
                if (failsHere(context)) {
                    return StepOutcome.failed(FAILURE);
                }
                elapse.accept(takes);
                return StepOutcome.succeeded(detail);
            }
        };
    }

    private abstract static class TestStep implements Step {
        private final String id;
        private final String title;

        TestStep(String id, String title) {
            this.id = id;
            this.title = title;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public Duration timeout() {
            return Duration.ofMinutes(10);
        }

        boolean failsHere(StepContext context) {
            return context.params().get("fail").filter(id::equals).isPresent();
        }
    }
}
