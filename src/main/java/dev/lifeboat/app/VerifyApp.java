package dev.lifeboat.app;

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
 * Probes the app until it answers (dynos take a while to boot after a restart or a release), for at most the verify
 * timeout. Comes after maintenance is off: Heroku's router serves 503 while it is on. Only reads.
 */
public final class VerifyApp extends NamedStep {
    public static final String ID = "verify";

    private final AppParts parts;
    private final String app;

    public VerifyApp(AppParts parts, String app) {
        super(ID, "Check that " + app + " answers",
                parts.timings.verifyTimeout().plus(parts.timings.probeTimeout()).plus(parts.timings.callTimeout()));
        this.parts = parts;
        this.app = app;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        URI url;
        try {
            url = parts.healthUrl.orElseGet(() -> URI.create(parts.heroku().app(app).webUrl()));
        } catch (UpstreamException e) {
            return Failures.of(e, "finding " + app + "'s URL");
        }
        Instant until = context.now().plus(parts.timings.verifyTimeout());
        while (true) {
            ProbeResult result = parts.probe.probe(url, parts.timings.probeTimeout());
            if (result.up()) {
                return StepOutcome.succeeded(Redact.url(url.toString()) + " answers: " + result.describe());
            }
            if (!context.now().plus(parts.timings.probeEvery()).isBefore(until)) {
                return StepOutcome.failed(app + " does not answer at " + Redact.url(url.toString()) + ": "
                        + result.describe() + " (tried for " + Durations.words(parts.timings.verifyTimeout()) + ").");
            }
            context.progress("not answering yet: " + result.describe());
            context.sleep(parts.timings.probeEvery());
        }
    }
}
