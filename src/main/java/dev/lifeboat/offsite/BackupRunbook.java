package dev.lifeboat.offsite;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import dev.lifeboat.transfers.BackupCapture;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** {@code /dr backup}: capture a backup now, follow it to its end, then copy it offsite. */
final class BackupRunbook implements Runbook {
    static final String NAME = "backup";
    static final String APP = "app";

    private final OffsiteParts parts;

    @Inject
    BackupRunbook(OffsiteParts parts) {
        this.parts = parts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps(RunParams params) {
        String app = params.require(APP);
        return List.of(new CaptureStep(parts, app), new CopyStep(parts, app));
    }

    @Override
    public String afterSuccess(Run run) {
        String name = record(run, CaptureStep.ID, BackupCapture.NAME).orElse("The backup");
        Optional<StepRecord> copy = run.step(CopyStep.ID);
        if (copy.map(StepRecord::state).orElse(StepState.SKIPPED) == StepState.SKIPPED) {
            return name + " is captured at Heroku; it has no offsite copy ("
                    + copy.map(StepRecord::detail).orElse("S3 is not configured") + ").";
        }
        return name + " is captured and offsite: " + copy.get().detail() + ".";
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        Optional<String> name = record(run, CaptureStep.ID, BackupCapture.NAME);
        if (failed.id().equals(CaptureStep.ID)) {
            return "No new backup: " + name.map(n -> n + " did not complete").orElse("the capture did not start")
                    + ". The database itself is unchanged. Next: see why above, then run `/dr backup` again.";
        }
        return name.orElse("The backup") + " is at Heroku, but not offsite: nothing was left in S3. Next: "
                + "`/dr backup offsite` copies it (and any other backup not yet offsite).";
    }

    static Optional<String> record(Run run, String stepId, String key) {
        return run.step(stepId).flatMap(s -> Optional.ofNullable(s.records().get(key)));
    }
}
