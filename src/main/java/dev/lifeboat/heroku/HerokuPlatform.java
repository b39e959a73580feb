package dev.lifeboat.heroku;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What Lifeboat can do with a Heroku app through the Platform API. {@code app} is the app's name or id. Every
 * method throws {@link HerokuException} with a message a person can act on.
 */
public interface HerokuPlatform {

    /** {@code GET /apps/{app}}. */
    HerokuApp app(String app);

    /** {@code PATCH /apps/{app}} with {@code {"maintenance": on}}; returns the app as it now is. */
    HerokuApp setMaintenance(String app, boolean on);

    /** {@code GET /apps/{app}/dynos}. */
    List<Dyno> dynos(String app);

    /** Restarts every dyno: {@code DELETE /apps/{app}/dynos}. */
    void restartAllDynos(String app);

    /** Restarts one dyno, e.g. {@code web.1}: {@code DELETE /apps/{app}/dynos/{dyno}}. */
    void restartDyno(String app, String dyno);

    /** Restarts every dyno of a process type, e.g. {@code web}: {@code DELETE /apps/{app}/formations/{type}}. */
    void restartProcessType(String app, String type);

    /** {@code GET /apps/{app}/formation}. */
    List<Formation> formation(String app);

    /**
     * Up to {@code limit} releases, newest first, following Heroku's {@code Range}/{@code Next-Range} paging.
     */
    List<Release> releases(String app, int limit);

    /** The release running now (the one marked {@code current}). */
    Release currentRelease(String app);

    /**
     * The release {@code heroku rollback} goes back to when given no version: the second release marked
     * {@code eligible_for_rollback} among the newest {@value Releases#CLI_PAGE}. Empty when there is none.
     */
    Optional<Release> defaultRollbackTarget(String app);

    /** One release by its id or version number: {@code GET /apps/{app}/releases/{id_or_version}}. */
    Release release(String app, String idOrVersion);

    /**
     * What a release's release phase printed ({@code output_stream_url}, plain text): at most {@code maxLines} lines,
     * for at most {@code timeLimit}, secrets redacted. Empty lines when the release has no output stream.
     */
    LogLines releaseOutput(Release release, int maxLines, Duration timeLimit);

    /** Rolls back to a release by its id ({@code POST /apps/{app}/releases}); returns the new release this creates. */
    Release rollback(String app, String releaseId);

    /** The app's config vars; values stay hidden (see {@link ConfigVars}). Read-only. */
    ConfigVars configVars(String app);

    /** {@code POST /apps/{app}/log-sessions}: a short-lived URL to read recent log lines from. */
    LogSession createLogSession(String app, LogRequest request);

    /** Reads a log session: at most {@code maxLines} lines, for at most {@code timeLimit}; returns what arrived. */
    LogLines readLogs(LogSession session, int maxLines, Duration timeLimit);

    /** Recent log lines in one go: a log session, then reading it. */
    default LogLines recentLogs(String app, LogRequest request, Duration timeLimit) {
        return readLogs(createLogSession(app, request), request.lines(), timeLimit);
    }

    /**
     * The app's own Heroku Postgres add-on from {@code GET /apps/{app}/addons} (plan {@code heroku-postgresql:…};
     * the one serving {@code DATABASE_URL} when there are several). Empty when the app has none.
     */
    Optional<PostgresAddon> postgresAddon(String app);

    /**
     * The database attached as {@code DATABASE_URL}, resolved the way the CLI does
     * ({@code POST /actions/addon-attachments/resolve}).
     */
    PostgresAddon resolveDatabase(String app);
}
