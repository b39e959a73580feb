package dev.lifeboat.demo;

import dev.lifeboat.http.Failure;
import dev.lifeboat.http.PathId;
import dev.lifeboat.netlify.Build;
import dev.lifeboat.netlify.BuildSettings;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.DeployState;
import dev.lifeboat.netlify.NetlifyException;
import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.netlify.Site;
import dev.lifeboat.netlify.SiteFile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated Netlify site, {@value #SITE_NAME}, for practising without touching Netlify. It starts with eight
 * production deploys a day apart, the newest of them published. A triggered build is
 * enqueued for {@link #ENQUEUED_FOR}, builds for {@link #BUILDING_FOR}, then is ready and published (or fails, after
 * {@link #failNextBuild()}). States follow the injected clock, so nothing runs in the background. Thread-safe.
 */
public final class DemoNetlify implements NetlifySite {
    public static final String SITE_ID = "3f8b1e52-7c0d-4d6a-9b1e-2a5c7e9f0d41";
    public static final String SITE_NAME = "lifeboat-demo-site";
    public static final Duration ENQUEUED_FOR = Duration.ofSeconds(2);
    public static final Duration BUILDING_FOR = Duration.ofSeconds(4);
    public static final String DEFAULT_BUILD_ERROR = "Build script returned non-zero exit code: 2";

    private static final String SITE_URL = "https://" + SITE_NAME + ".netlify.app";
    private static final String REPO = "https://github.com/lifeboat-dr/demo-site";
    private static final String[][] HISTORY = {
            // title, state; the commit is the title's SHA-1, for stable fake shas
            {"Fix footer links on pricing page", "ready"},
            {"Add status banner component", "ready"},
            {"Update team photos", "ready"},
            {"Blog: How we test our backups", "ready"},
            {"Tighten CSP headers", "ready"},
            {"Move docs under /help", "ready"},
            {"Launch new landing page", "ready"},
    };
    private static final Map<String, Long> FILES = filesTemplate();

    private final Clock clock;
    /** Newest first. */
    private final List<Deploy> deploys = new ArrayList<>();
    private final Map<String, RunningBuild> running = new LinkedHashMap<>();
    private String publishedId;
    private String nextBuildError;
    private Failure outage;
    private long sequence;

    private record RunningBuild(Instant startedAt, String error) {
    }

    @Inject
    public DemoNetlify(Clock clock) {
        this.clock = clock;
        Instant now = clock.instant();
        for (int i = 0; i < HISTORY.length; i++) {
            Instant created = now.minus(Duration.ofDays(i + 1)).minus(Duration.ofMinutes(37L * i));
            boolean failed = HISTORY[i][1].equals("error");
            Deploy deploy = newDeploy(created, HISTORY[i][0], sha1(HISTORY[i][0]))
                    .withState(failed ? DeployState.ERROR : DeployState.READY, failed ? DEFAULT_BUILD_ERROR : null,
                            created.plus(Duration.ofSeconds(48)));
            deploys.add(deploy);
        }
        // A healthy start: the newest deploy is live. Practise a failure with failNextBuild() and `site rebuild`.
        Deploy published = deploys.get(0);
        publishedId = published.id();
        deploys.set(0, published.withPublishedAt(published.updatedAt()));
    }

    // ---- controls for practice ----

    /** The next triggered build ends in error with Netlify's usual message. */
    public void failNextBuild() {
        failNextBuild(DEFAULT_BUILD_ERROR);
    }

    /** The next triggered build ends in error with {@code errorMessage}. */
    public synchronized void failNextBuild(String errorMessage) {
        nextBuildError = errorMessage;
    }

    /** Every call fails with {@code failure} (e.g. {@link Failure#SERVER_ERROR}) until {@link #endOutage()}. */
    public synchronized void startOutage(Failure failure) {
        outage = failure;
    }

    public synchronized void endOutage() {
        outage = null;
    }

    // ---- NetlifySite ----

    @Override
    public synchronized Site site() {
        refresh("reading site " + SITE_ID);
        Deploy published = find(publishedId).orElse(null);
        Instant created = deploys.get(deploys.size() - 1).createdAt().minus(Duration.ofDays(90));
        return new Site(SITE_ID, SITE_NAME, "current", "http://" + SITE_NAME + ".netlify.app", SITE_URL,
                "https://app.netlify.com/sites/" + SITE_NAME, null, "lifeboat-dr", published,
                new BuildSettings("github", "lifeboat-dr/demo-site", "main", REPO, false), created,
                published == null ? created : published.publishedAt());
    }

    @Override
    public synchronized List<Deploy> deploys(int perPage) {
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("perPage must be 1 to " + MAX_PER_PAGE + ", got " + perPage);
        }
        refresh("listing the deploys of site " + SITE_ID);
        return List.copyOf(deploys.subList(0, Math.min(perPage, deploys.size())));
    }

    @Override
    public synchronized Deploy deploy(String deployId) {
        PathId.require(PathId.Kind.NETLIFY_DEPLOY, deployId);
        refresh("reading deploy " + deployId);
        return require(deployId, "reading deploy " + deployId);
    }

    @Override
    public synchronized Deploy publishDeploy(String deployId) {
        PathId.require(PathId.Kind.NETLIFY_DEPLOY, deployId);
        String action = "publishing deploy " + deployId;
        refresh(action);
        Deploy deploy = require(deployId, action);
        if (!deploy.isReady()) {
            throw new NetlifyException(Failure.REJECTED, 422, null, "Netlify refused " + action + ": deploy is in"
                    + " state " + deploy.state().json() + " (422). Only a deploy in state ready can be published.");
        }
        Deploy published = deploy.withPublishedAt(clock.instant());
        replace(published);
        publishedId = deployId;
        return published;
    }

    @Override
    public synchronized Build triggerBuild(boolean clearCache) {
        refresh("triggering a build of site " + SITE_ID);
        Instant now = clock.instant();
        String commit = deploys.get(0).commitRef();
        Deploy deploy = newDeploy(now, "Triggered by Lifeboat" + (clearCache ? " (cache cleared)" : ""), commit);
        deploys.add(0, deploy);
        running.put(deploy.id(), new RunningBuild(now, nextBuildError));
        nextBuildError = null;
        return new Build(objectId(now), deploy.id(), commit, false, null, now);
    }

    @Override
    public synchronized List<SiteFile> files() {
        refresh("listing the files of site " + SITE_ID);
        String deployId = publishedId;
        List<SiteFile> files = new ArrayList<>();
        FILES.forEach((path, size) -> {
            String sha = sha1(deployId + path);
            files.add(new SiteFile(sha.substring(0, 24), path, sha, size, mimeType(path)));
        });
        return files;
    }

    // ---- simulation ----

    /** Fails when an outage is on, then moves running builds along to the clock's time. */
    private void refresh(String action) {
        if (outage != null) {
            throw outageException(action);
        }
        Instant now = clock.instant();
        running.entrySet().removeIf(entry -> {
            RunningBuild build = entry.getValue();
            Deploy deploy = find(entry.getKey()).orElseThrow();
            Instant buildingAt = build.startedAt().plus(ENQUEUED_FOR);
            Instant doneAt = buildingAt.plus(BUILDING_FOR);
            if (now.isBefore(buildingAt)) {
                return false;
            }
            if (now.isBefore(doneAt)) {
                if (deploy.state() != DeployState.BUILDING) {
                    replace(deploy.withState(DeployState.BUILDING, null, buildingAt));
                }
                return false;
            }
            if (build.error() != null) {
                replace(deploy.withState(DeployState.ERROR, build.error(), doneAt));
            } else {
                replace(deploy.withState(DeployState.READY, null, doneAt).withPublishedAt(doneAt));
                publishedId = deploy.id();
            }
            return true;
        });
    }

    private NetlifyException outageException(String action) {
        return switch (outage) {
            case UNAUTHORIZED -> new NetlifyException(outage, 401, null, "Netlify rejected NETLIFY_AUTH_TOKEN (401"
                    + " Unauthorized) while " + action + " (simulated).");
            case RATE_LIMITED -> new NetlifyException(outage, 429, Duration.ofSeconds(30), "Netlify's rate limit was"
                    + " reached while " + action + " (simulated). Try again in 30 s.");
            case TIMEOUT -> new NetlifyException(outage, 0, null, "Netlify did not answer in time while " + action
                    + " (simulated).");
            case UNREACHABLE -> new NetlifyException(outage, 0, null, "Could not reach Netlify while " + action
                    + " (simulated).");
            default -> new NetlifyException(outage, 503, null, "Netlify failed while " + action
                    + " (503, simulated). Netlify may be having an incident.");
        };
    }

    private Deploy newDeploy(Instant created, String title, String commit) {
        String id = objectId(created);
        return new Deploy(id, SITE_ID, objectId(created), DeployState.ENQUEUED, SITE_NAME,
                "http://" + SITE_NAME + ".netlify.app", SITE_URL,
                "https://app.netlify.com/sites/" + SITE_NAME + "/deploys/" + id,
                "http://" + id + "--" + SITE_NAME + ".netlify.app", "https://" + id + "--" + SITE_NAME + ".netlify.app",
                null, "main", Deploy.PRODUCTION, commit, REPO + "/commit/" + commit, title, "astro", false, false,
                created, created, null);
    }

    /** A 24-hex id like Netlify's: the second, then a sequence number. */
    private String objectId(Instant at) {
        return String.format("%08x%016x", at.getEpochSecond(), ++sequence);
    }

    private Optional<Deploy> find(String deployId) {
        return deploys.stream().filter(d -> d.id().equals(deployId)).findFirst();
    }

    private Deploy require(String deployId, String action) {
        return find(deployId).orElseThrow(() -> new NetlifyException(Failure.NOT_FOUND, 404, null,
                "Netlify has no deploy " + deployId + " on site " + SITE_ID + " (404 while " + action + ")."
                        + " Check the deploy id against the deploy list."));
    }

    private void replace(Deploy deploy) {
        for (int i = 0; i < deploys.size(); i++) {
            if (deploys.get(i).id().equals(deploy.id())) {
                deploys.set(i, deploy);
                return;
            }
        }
    }

    private static Map<String, Long> filesTemplate() {
        Map<String, Long> files = new LinkedHashMap<>();
        files.put("/index.html", 18_342L);
        files.put("/404.html", 3_120L);
        files.put("/pricing/index.html", 22_871L);
        files.put("/help/index.html", 15_406L);
        files.put("/_astro/index.Bx3kQ9aL.css", 41_955L);
        files.put("/_astro/hoisted.D4mP2xZc.js", 12_733L);
        files.put("/favicon.svg", 1_204L);
        files.put("/_redirects", 412L);
        return files;
    }

    private static String mimeType(String path) {
        if (path.endsWith(".html")) {
            return "text/html";
        }
        if (path.endsWith(".css")) {
            return "text/css";
        }
        if (path.endsWith(".js")) {
            return "application/javascript";
        }
        if (path.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "text/plain";
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
