package dev.lifeboat.demo;

import dev.lifeboat.heroku.Build;
import dev.lifeboat.heroku.BuildStatus;
import dev.lifeboat.heroku.HerokuBuilds;
import dev.lifeboat.heroku.HerokuException;
import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.heroku.ReleaseStatus;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.PathId;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds from source on the simulated Heroku ({@link DemoHeroku}): a build takes {@link #BUILD_TIME}, then its
 * release runs a release phase for {@link #RELEASE_PHASE_TIME}, after which it is the current release and the dynos
 * restart on it (which also ends a simulated crash, like a real fix would). To practise:
 * {@link #failNextBuild(List)} (the build fails with that output) and {@link #failNextReleasePhase(List)} (the release
 * phase fails; the release before keeps running). Thread-safe.
 */
public final class DemoHerokuBuilds implements HerokuBuilds {
    public static final Duration BUILD_TIME = Duration.ofSeconds(8);
    public static final Duration RELEASE_PHASE_TIME = Duration.ofSeconds(5);
    static final String BUILD_OUTPUT = "https://build-output.lifeboat-demo.invalid/streams/";
    static final String RELEASE_OUTPUT = "https://release-output.lifeboat-demo.invalid/streams/";

    /** What a failing build prints: Bundler cannot find a gem. */
    public static final List<String> BUILD_FAILURE = List.of(
            "-----> Building on the Heroku-24 stack",
            "-----> Using buildpack: heroku/ruby",
            "-----> Ruby app detected",
            "-----> Installing bundler 2.5.22",
            "-----> Using Ruby version: ruby-3.3.6",
            "-----> Installing dependencies using bundler 2.5.22",
            "       Running: BUNDLE_WITHOUT='development:test' bundle install -j4",
            "       Fetching gem metadata from https://rubygems.org/.........",
            "       Could not find gem 'sassc-rails (~> 2.1)' in rubygems repository https://rubygems.org/ or installed locally.",
            " !",
            " !     Failed to install gems via Bundler.",
            " !",
            " !     Push rejected, failed to compile Ruby app.",
            " !     Push failed");
    /** What a failing release phase prints: a migration that cannot run. */
    public static final List<String> RELEASE_PHASE_FAILURE = List.of(
            "Running release command `bundle exec rails db:migrate`",
            "== 20261201120000 AddIndexToOrders: migrating =================================",
            "-- add_index(:orders, :customer_id)",
            "rails aborted!",
            "ActiveRecord::StatementInvalid: PG::DuplicateTable: ERROR:  relation \"index_orders_on_customer_id\" "
                    + "already exists",
            "Tasks: TOP => db:migrate");
    private static final List<String> BUILD_SUCCESS = List.of(
            "-----> Building on the Heroku-24 stack",
            "-----> Using buildpack: heroku/ruby",
            "-----> Ruby app detected",
            "-----> Installing dependencies using bundler 2.5.22",
            "       Bundle completed (2.41s)",
            "-----> Preparing app for Rails asset pipeline",
            "       Asset precompilation completed (6.02s)",
            "-----> Discovering process types",
            "       Procfile declares types -> release, web, worker",
            "-----> Compressing...",
            "       Done: 84.3M",
            "-----> Launching...");
    private static final List<String> RELEASE_PHASE_SUCCESS = List.of(
            "Running release command `bundle exec rails db:migrate`",
            "Migrations are up to date.");

    private final Clock clock;
    private final DemoHeroku heroku;
    private final DemoWorld world;
    private final Map<String, SimBuild> builds = new LinkedHashMap<>();
    private List<String> failNextBuild;
    private List<String> failNextRelease;

    @Inject
    public DemoHerokuBuilds(Clock clock, DemoHeroku heroku, DemoWorld world) {
        this.clock = clock;
        this.heroku = heroku;
        this.world = world;
    }

    /** The next build fails after {@link #BUILD_TIME}, printing {@code output}. */
    public synchronized void failNextBuild(List<String> output) {
        this.failNextBuild = List.copyOf(output);
    }

    /** The next build's release phase fails after {@link #RELEASE_PHASE_TIME}, printing {@code output}. */
    public synchronized void failNextReleasePhase(List<String> output) {
        this.failNextRelease = List.copyOf(output);
    }

    @Override
    public synchronized Build createBuild(String app, URI sourceTarball, String version) {
        String name = heroku.app(app).name();
        PathId.require(PathId.Kind.GIT_SHA, version);
        if (sourceTarball == null || sourceTarball.getScheme() == null || !sourceTarball.getScheme().startsWith("http")) {
            throw new HerokuException(Failure.REJECTED, 422, null, "Heroku refused POST /apps/" + name
                    + "/builds (422): source_blob.url must be an http(s) URL.");
        }
        Instant now = clock.instant();
        String id = DemoIds.uuid("build:" + name + ":" + builds.size() + ":" + now);
        SimBuild build = new SimBuild(name, id, version, now, failNextBuild, failNextRelease);
        failNextBuild = null;
        failNextRelease = null;
        builds.put(id, build);
        return toBuild(build, now);
    }

    @Override
    public synchronized Build build(String app, String buildId) {
        PathId.require(PathId.Kind.BUILD_ID, buildId);
        String name = heroku.app(app).name();
        SimBuild build = builds.get(buildId);
        if (build == null || !build.app.equals(name)) {
            throw new HerokuException(Failure.NOT_FOUND, 404, null, "Heroku found no builds '" + buildId
                    + "' on app '" + name + "' (404).");
        }
        return toBuild(build, clock.instant());
    }

    @Override
    public synchronized List<Build> builds(String app, int limit) {
        String name = heroku.app(app).name();
        Instant now = clock.instant();
        List<SimBuild> mine = new ArrayList<>(builds.values().stream().filter(b -> b.app.equals(name)).toList());
        mine.sort(Comparator.comparing((SimBuild b) -> b.createdAt).reversed());
        return mine.stream().limit(limit).map(b -> toBuild(b, now)).toList();
    }

    @Override
    public synchronized Release releaseById(String app, String releaseId) {
        PathId.require(PathId.Kind.RELEASE_ID, releaseId);
        String name = heroku.app(app).name();
        Instant now = clock.instant();
        for (SimBuild build : builds.values()) {
            settle(build, now);
            if (build.app.equals(name) && releaseId.equals(build.releaseId)) {
                if (build.released != null) {
                    return build.released;
                }
                boolean failed = build.releaseFailure != null && !now.isBefore(build.releaseEnds);
                return new Release(releaseId, build.version, failed ? ReleaseStatus.FAILED : ReleaseStatus.PENDING,
                        "Deploy " + build.sha.substring(0, 7), new Release.User(DemoIds.uuid("user:lifeboat"),
                        "lifeboat@lifeboat.demo"), false, false, build.buildEnds, now, List.of(),
                        RELEASE_OUTPUT + releaseId);
            }
        }
        return heroku.releases(name, 1000).stream().filter(r -> r.id().equals(releaseId)).findFirst()
                .orElseThrow(() -> new HerokuException(Failure.NOT_FOUND, 404, null, "Heroku found no release '"
                        + releaseId + "' of app '" + name + "' (404)."));
    }

    @Override
    public synchronized Optional<String> releaseCommit(String app, String releaseId) {
        Release release = releaseById(app, releaseId);
        for (SimBuild build : builds.values()) {
            if (releaseId.equals(build.releaseId) || build.released != null && build.released.id().equals(releaseId)) {
                return Optional.of(build.sha);
            }
        }
        // A config change keeps the slug of the deploy before it.
        for (Release r : heroku.releases(app, 1000)) {
            if (r.version() <= release.version() && r.description().startsWith("Deploy ")) {
                String shortSha = r.description().substring("Deploy ".length()).strip();
                Optional<String> ours = builds.values().stream().filter(b -> b.released != null
                        && b.released.id().equals(r.id())).map(b -> b.sha).findFirst();
                return ours.or(() -> DemoGitHub.fullSha(shortSha));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized LogLines outputTail(String outputStreamUrl, int lastLines, Duration timeLimit) {
        Instant now = clock.instant();
        List<String> lines = List.of();
        for (SimBuild build : builds.values()) {
            settle(build, now);
            if ((BUILD_OUTPUT + build.id).equals(outputStreamUrl)) {
                lines = build.buildFailure != null ? build.buildFailure : BUILD_SUCCESS;
                lines = now.isBefore(build.buildEnds) ? lines.subList(0, Math.min(4, lines.size())) : lines;
            } else if (build.releaseId != null && (RELEASE_OUTPUT + build.releaseId).equals(outputStreamUrl)) {
                lines = build.releaseFailure != null ? build.releaseFailure : RELEASE_PHASE_SUCCESS;
            }
        }
        boolean cut = lines.size() > lastLines;
        return new LogLines(cut ? lines.subList(lines.size() - lastLines, lines.size()) : lines,
                cut ? LogLines.End.LINE_LIMIT : LogLines.End.COMPLETE);
    }

    private Build toBuild(SimBuild build, Instant now) {
        settle(build, now);
        BuildStatus status = now.isBefore(build.buildEnds) ? BuildStatus.PENDING
                : build.buildFailure != null ? BuildStatus.FAILED : BuildStatus.SUCCEEDED;
        return new Build(build.id, status, Optional.of(build.sha), Optional.of(BUILD_OUTPUT + build.id),
                Optional.ofNullable(build.releaseId), build.createdAt, status == BuildStatus.PENDING ? build.createdAt
                : build.buildEnds);
    }

    /** Moves a build on to where the clock says it is: built, released, its release phase passed or failed. */
    private void settle(SimBuild build, Instant now) {
        if (build.buildFailure == null && build.releaseId == null && !now.isBefore(build.buildEnds)) {
            build.releaseId = DemoIds.uuid("build-release:" + build.id);
            build.version = heroku.releases(build.app, 1).get(0).version() + 1;
        }
        if (build.releaseId != null && build.releaseFailure == null && build.released == null
                && !now.isBefore(build.releaseEnds)) {
            build.released = heroku.deployRelease(build.app, "Deploy " + build.sha.substring(0, 7), build.releaseEnds);
            world.heal(DemoWorld.Part.APP);
        }
    }

    private static final class SimBuild {
        final String app;
        final String id;
        final String sha;
        final Instant createdAt;
        final Instant buildEnds;
        final Instant releaseEnds;
        final List<String> buildFailure;
        final List<String> releaseFailure;
        String releaseId;
        int version;
        Release released;

        SimBuild(String app, String id, String sha, Instant createdAt, List<String> buildFailure,
                 List<String> releaseFailure) {
            this.app = app;
            this.id = id;
            this.sha = sha;
            this.createdAt = createdAt;
            this.buildEnds = createdAt.plus(BUILD_TIME);
            this.releaseEnds = buildEnds.plus(RELEASE_PHASE_TIME);
            this.buildFailure = buildFailure;
            this.releaseFailure = releaseFailure;
        }
    }
}
