package dev.lifeboat.redeploy;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.net.URI;
import java.time.Instant;

/**
 * Probes the app until it answers (its dynos restart on the new release), for at most the verify timeout: the
 * health URL ({@code APP_URL} + {@code APP_HEALTH_PATH}), else the app's web URL from Heroku. Only reads.
 */
final class ProbeApp extends NamedStep {
    static final String ID = "verify";

    private final RedeployParts parts;
    private final String app;

    ProbeApp(RedeployParts parts, String app) {
        super(ID, "Check that " + app + " answers",
                parts.timings.verifyTimeout().plus(parts.timings.probeTimeout()).plus(parts.timings.callTimeout()));
        this.parts = parts;
        this.app = app;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        URI url;
        try {
            url = parts.targets.healthUrl().orElseGet(() -> URI.create(parts.heroku().app(app).webUrl()));
        } catch (UpstreamException e) {
            return StepFailures.of(e, "finding " + app + "'s URL");
        }
        String shown = Redact.url(url.toString());
        Instant until = context.now().plus(parts.timings.verifyTimeout());
        while (true) {
            ProbeResult result = parts.probe.probe(url, parts.timings.probeTimeout());
            if (result.up()) {
                return StepOutcome.succeeded(shown + " answers: " + result.describe());
            }
            if (!context.now().plus(parts.timings.probeEvery()).isBefore(until)) {
                return StepOutcome.failed(app + " does not answer at " + shown + ": " + result.describe()
                        + " (tried for " + Durations.words(parts.timings.verifyTimeout()) + ").");
            }
            context.progress("not answering yet: " + result.describe());
            context.sleep(parts.timings.probeEvery());
        }
    }
}
