package dev.lifeboat.redeploy;

import dev.lifeboat.heroku.Build;
import dev.lifeboat.heroku.HerokuBuilds;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Asks Heroku to build the commit: one POST, whose build id is recorded at once. Run again (a retry, or a resume
 * after a crash), it finds the recorded build, or the build an earlier attempt started but could not record (the
 * newest build of this commit created since it asked), and never POSTs a second time. The tarball URL GitHub
 * redirects to is fetched here, handed to Heroku, and never recorded, shown or logged.
 */
final class StartBuild extends NamedStep {
    static final String ID = "build";
    static final String BUILD = "build";
    static final String ASKED_AT = "asked-at";
    /** Heroku's clock and ours may differ this much when matching a build to the moment we asked for it. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final RedeployParts parts;
    private final RedeployPlan plan;

    StartBuild(RedeployParts parts, RedeployPlan plan) {
        super(ID, "Start a Heroku build of " + plan.shortSha() + " for " + plan.app(), parts.timings.callTimeout());
        this.parts = parts;
        this.plan = plan;
    }

    @Override
    public StepOutcome run(StepContext context) {
        HerokuBuilds builds = parts.builds();
        try {
            Optional<String> recorded = context.recorded(BUILD);
            if (recorded.isPresent()) {
                Build build = builds.build(plan.app(), recorded.get());
                return StepOutcome.succeeded("build " + shortId(build.id()) + " started (" + build.status().wire() + ")");
            }
            Optional<Instant> asked = context.recorded(ASKED_AT).map(Instant::parse);
            Optional<Build> earlier = asked.flatMap(at -> startedSince(builds, at));
            if (earlier.isPresent()) {
                return started(context, earlier.get());
            }
            URI tarball = parts.github().sourceTarball(plan.sha());
            context.record(ASKED_AT, context.now().toString());
            return started(context, builds.createBuild(plan.app(), tarball, plan.sha()));
        } catch (UpstreamException e) {
            return StepFailures.of(e, "starting the build of " + plan.shortSha() + " for " + plan.app());
        }
    }

    private StepOutcome started(StepContext context, Build build) {
        context.record(BUILD, build.id());
        return StepOutcome.succeeded("build " + shortId(build.id()) + " started at Heroku");
    }

    /** The build of this commit an earlier attempt started when its answer was lost before it could be recorded. */
    private Optional<Build> startedSince(HerokuBuilds builds, Instant askedAt) {
        Instant since = askedAt.minus(CLOCK_SKEW);
        return builds.builds(plan.app(), 20).stream()
                .filter(b -> b.version().map(plan.sha()::equals).orElse(false))
                .filter(b -> b.createdAt() != null && !b.createdAt().isBefore(since))
                .min(Comparator.comparing(Build::createdAt));
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
