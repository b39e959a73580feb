package dev.lifeboat.offsite;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepRecord;
import jakarta.inject.Inject;
import java.util.List;

/** {@code /dr backup offsite}: copy every succeeded backup not yet offsite, then apply retention. */
final class OffsiteRunbook implements Runbook {
    static final String NAME = "backup-offsite";
    static final String APP = "app";

    private final OffsiteParts parts;

    @Inject
    OffsiteRunbook(OffsiteParts parts) {
        this.parts = parts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps(RunParams params) {
        String app = params.require(APP);
        return List.of(new CopyMissingStep(parts, app), new RetentionStep(parts, app));
    }

    @Override
    public String afterSuccess(Run run) {
        String copied = run.step(CopyMissingStep.ID).map(StepRecord::detail).orElse("");
        String deleted = run.step(RetentionStep.ID).map(StepRecord::detail).orElse("");
        return "Offsite copies are up to date: " + copied + ". Retention: " + deleted + ".";
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        if (failed.id().equals(CopyMissingStep.ID)) {
            return "Not every backup is offsite; nothing half-copied was left in S3 and no old copy was deleted. "
                    + "Next: see why above, then run `/dr backup offsite` again.";
        }
        return "Every backup is offsite, but old copies may not all be deleted. Next: run `/dr backup offsite` again.";
    }
}
