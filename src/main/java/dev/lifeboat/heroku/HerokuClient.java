package dev.lifeboat.heroku;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.http.ApiPath;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.JsonHttp;
import dev.lifeboat.http.PathId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/** The Heroku Platform API over HTTP. Auth, {@code Accept}, timeouts, retries and pacing live in its client. */
final class HerokuClient implements HerokuPlatform {
    static final String ACCEPT = "application/vnd.heroku+json; version=3";
    /** Heroku's largest page. */
    static final int MAX_PAGE = 1000;
    /** A guard against a server that keeps answering {@code Next-Range}. */
    private static final int MAX_PAGES = 50;
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final JsonHttp calls;
    private final ObjectMapper json;
    private final LogStream logStream;

    HerokuClient(OkHttpClient http, URI apiUrl, ObjectMapper json) {
        this.base = HttpUrl.get(apiUrl);
        HerokuErrors errors = new HerokuErrors(apiUrl);
        this.calls = new JsonHttp(http, json, errors);
        this.json = json;
        // A log session's URL is on another host, which may redirect: that client follows redirects (never from https
        // to http); its auth interceptor still checks every hop, so the token goes to the API's origin only.
        this.logStream = new LogStream(http.newBuilder().followRedirects(true).followSslRedirects(false).build(),
                errors);
    }

    @Override
    public HerokuApp app(String app) {
        return calls.call(get(appPath(app).build()).build(), HerokuApp.class);
    }

    @Override
    public HerokuApp setMaintenance(String app, boolean on) {
        return calls.call(send("PATCH", new MaintenanceBody(on), appPath(app).build()).build(), HerokuApp.class);
    }

    @Override
    public List<Dyno> dynos(String app) {
        return calls.call(get(appPath(app).then("dynos").build()).build(), listOf(Dyno.class));
    }

    @Override
    public void restartAllDynos(String app) {
        calls.exchange(delete(appPath(app).then("dynos").build()), null);
    }

    @Override
    public void restartDyno(String app, String dyno) {
        calls.exchange(delete(appPath(app).then("dynos").id(PathId.Kind.DYNO, dyno).build()), null);
    }

    @Override
    public void restartProcessType(String app, String type) {
        calls.exchange(delete(appPath(app).then("formations").id(PathId.Kind.PROCESS_TYPE, type).build()), null);
    }

    @Override
    public List<Formation> formation(String app) {
        return calls.call(get(appPath(app).then("formation").build()).build(), listOf(Formation.class));
    }

    @Override
    public List<Release> releases(String app, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        HttpUrl url = appPath(app).then("releases").build();
        List<Release> out = new ArrayList<>();
        String range = "version ..; max=" + Math.min(limit, MAX_PAGE) + ", order=desc";
        for (int pages = 0; pages < MAX_PAGES && out.size() < limit; pages++) {
            JsonHttp.Result<List<Release>> result =
                    calls.exchange(get(url).header("Range", range).build(), listOf(Release.class));
            List<Release> page = result.body() == null ? List.of() : result.body();
            out.addAll(page);
            String next = result.headers().get("Next-Range");
            if (result.status() != 206 || next == null || next.isBlank() || page.isEmpty()) {
                break;
            }
            range = next;
        }
        return List.copyOf(out.size() > limit ? out.subList(0, limit) : out);
    }

    @Override
    public Release currentRelease(String app) {
        return Releases.current(releases(app, Releases.CLI_PAGE)).orElseThrow(() -> new HerokuException(
                Failure.NOT_FOUND, 404, null, "Heroku lists no releases for app '" + app + "'."));
    }

    @Override
    public Optional<Release> defaultRollbackTarget(String app) {
        return Releases.defaultRollbackTarget(releases(app, Releases.CLI_PAGE));
    }

    @Override
    public Release release(String app, String idOrVersion) {
        ApiPath path = appPath(app).then("releases");
        if (PathId.isValid(PathId.Kind.RELEASE_ID, idOrVersion)) {
            path.id(PathId.Kind.RELEASE_ID, idOrVersion);
        } else {
            path.id(PathId.Kind.RELEASE_VERSION, Integer.toString(PathId.releaseVersion(idOrVersion)));
        }
        return calls.call(get(path.build()).build(), Release.class);
    }

    @Override
    public LogLines releaseOutput(Release release, int maxLines, Duration timeLimit) {
        HttpUrl url = release.outputStreamUrl() == null ? null : HttpUrl.parse(release.outputStreamUrl());
        if (url == null) {
            return new LogLines(List.of(), LogLines.End.COMPLETE);
        }
        return logStream.read(url, maxLines, timeLimit);
    }

    @Override
    public Release rollback(String app, String releaseId) {
        HttpUrl url = appPath(app).then("releases").build();
        RollbackBody body = new RollbackBody(PathId.require(PathId.Kind.RELEASE_ID, releaseId));
        return calls.call(send("POST", body, url).build(), Release.class);
    }

    @Override
    public ConfigVars configVars(String app) {
        return calls.call(get(appPath(app).then("config-vars").build()).build(), ConfigVars.class);
    }

    @Override
    public LogSession createLogSession(String app, LogRequest request) {
        LogSessionBody body = new LogSessionBody(request.lines(), request.dyno().orElse(null), false);
        return calls.call(send("POST", body, appPath(app).then("log-sessions").build()).build(), LogSession.class);
    }

    @Override
    public LogLines readLogs(LogSession session, int maxLines, Duration timeLimit) {
        HttpUrl url = HttpUrl.parse(session.logplexUrl() == null ? "" : session.logplexUrl());
        if (url == null) {
            throw new HerokuException(Failure.MALFORMED, 0, null,
                    "Heroku's log session has no usable log URL; start a new log session.");
        }
        return logStream.read(url, maxLines, timeLimit);
    }

    @Override
    public Optional<PostgresAddon> postgresAddon(String app) {
        List<AddonJson.Addon> addons = calls.call(get(appPath(app).then("addons").build()).build(),
                listOf(AddonJson.Addon.class));
        return addons.stream()
                .filter(AddonJson.Addon::isPostgres)
                .filter(addon -> addon.ownedBy(app))
                .min(Comparator.comparing(addon -> !addon.configVars().contains("DATABASE_URL")))
                .map(addon -> addon.toPostgresAddon(app));
    }

    @Override
    public PostgresAddon resolveDatabase(String app) {
        ResolveBody body = new ResolveBody("DATABASE_URL", PathId.require(PathId.Kind.APP, app), "heroku-postgresql");
        Request request = send("POST", body, ApiPath.under(base).then("actions", "addon-attachments", "resolve").build())
                .header("Accept-Inclusion", "addon:plan,config_vars")
                .build();
        List<AddonJson.Attachment> matches = calls.call(request, listOf(AddonJson.Attachment.class));
        List<AddonJson.Addon> addons = matches.stream().map(AddonJson.Attachment::addon)
                .filter(addon -> addon != null && addon.id() != null)
                .toList();
        if (addons.isEmpty()) {
            throw new HerokuException(Failure.NOT_FOUND, 404, null,
                    "Heroku found no Postgres database attached as DATABASE_URL to app '" + app + "'.");
        }
        if (addons.stream().map(AddonJson.Addon::id).distinct().count() > 1) {
            throw new HerokuException(Failure.REJECTED, 422, null, "More than one Postgres database on app '" + app
                    + "' matches DATABASE_URL: " + addons.stream().map(AddonJson.Addon::name).toList() + ".");
        }
        return addons.get(0).toPostgresAddon(app);
    }

    private JavaType listOf(Class<?> element) {
        return json.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** {@code /apps/{app}}: the app's name or id, checked. */
    private ApiPath appPath(String app) {
        return ApiPath.under(base).then("apps").id(PathId.Kind.APP, app);
    }

    private static Request.Builder get(HttpUrl url) {
        return new Request.Builder().url(url).get();
    }

    private static Request delete(HttpUrl url) {
        return new Request.Builder().url(url).delete().build();
    }

    private Request.Builder send(String method, Object body, HttpUrl url) {
        try {
            return new Request.Builder().url(url)
                    .method(method, RequestBody.create(json.writeValueAsBytes(body), JSON));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    private record MaintenanceBody(boolean maintenance) {
    }

    private record RollbackBody(String release) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record LogSessionBody(int lines, String dyno, boolean tail) {
    }

    private record ResolveBody(
            @JsonProperty("addon_attachment") String addonAttachment,
            @JsonProperty("app") String app,
            @JsonProperty("addon_service") String addonService) {
    }
}
