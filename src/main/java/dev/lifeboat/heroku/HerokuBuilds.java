package dev.lifeboat.heroku;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Building an app from source through Heroku's Build API, and what the build releases. {@code app} is the app's name
 * or id. Every method throws {@link HerokuException} with a message a person can act on.
 */
public interface HerokuBuilds {
    /**
     * {@code POST /apps/{app}/builds} with {@code {"source_blob": {"url": tarball, "version": version}}}: Heroku
     * downloads the gzipped tarball and builds it. Not retried (a retried POST could build twice). The tarball URL may
     * carry a download token: it goes to Heroku only.
     */
    Build createBuild(String app, URI sourceTarball, String version);

    /** {@code GET /apps/{app}/builds/{id}}. */
    Build build(String app, String buildId);

    /** The newest builds, newest first ({@code Range: started_at ..; order=desc}), at most {@code limit}. */
    List<Build> builds(String app, int limit);

    /** One release by its id: {@code GET /apps/{app}/releases/{id}}. */
    Release releaseById(String app, String releaseId);

    /**
     * The commit a release runs, when Heroku knows it: the release's slug ({@code GET /apps/{app}/releases/{id}},
     * {@code slug.id}) and that slug's {@code commit} ({@code GET /apps/{app}/slugs/{id}}). Empty for a release
     * without a slug (config changes keep their slug, so they have one) or a slug without a commit.
     */
    Optional<String> releaseCommit(String app, String releaseId);

    /**
     * The last {@code lastLines} lines of a build's or a release's output stream ({@code output_stream_url}, plain
     * text or event stream), reading for at most {@code timeLimit}; secrets redacted. The URL is on another host and
     * gets no token.
     */
    LogLines outputTail(String outputStreamUrl, int lastLines, Duration timeLimit);
}
