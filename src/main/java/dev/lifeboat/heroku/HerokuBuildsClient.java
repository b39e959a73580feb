package dev.lifeboat.heroku;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.lifeboat.config.Redact;
import dev.lifeboat.http.ApiPath;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpFailure;
import dev.lifeboat.http.JsonHttp;
import dev.lifeboat.http.PathId;
import dev.lifeboat.http.RateLimits;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** Heroku's Build API, releases by id, slugs and output streams, over the same client as {@link HerokuClient}. */
final class HerokuBuildsClient implements HerokuBuilds {
    private static final MediaType JSON = MediaType.get("application/json");
    /** An output stream longer than this many lines is read to its end but only its tail kept. */
    private static final int MAX_LINES_READ = 200_000;

    private final HttpUrl base;
    private final JsonHttp calls;
    private final ObjectMapper json;
    private final HerokuErrors errors;
    private final OkHttpClient streams;

    HerokuBuildsClient(OkHttpClient http, URI apiUrl, ObjectMapper json) {
        this.base = HttpUrl.get(apiUrl);
        this.errors = new HerokuErrors(apiUrl);
        this.calls = new JsonHttp(http, json, errors);
        this.json = json;
        // Output streams live on another host (build-output.heroku.com) and may redirect: this client follows
        // redirects (never from https to http); the auth interceptor sees every hop, so no hop gets the token.
        this.streams = http.newBuilder().followRedirects(true).followSslRedirects(false).build();
    }

    @Override
    public Build createBuild(String app, URI sourceTarball, String version) {
        BuildBody body = new BuildBody(new BuildBody.SourceBlob(sourceTarball.toString(),
                PathId.require(PathId.Kind.GIT_SHA, version)));
        return calls.call(post(body, appPath(app).then("builds").build()), BuildJson.class).toBuild();
    }

    @Override
    public Build build(String app, String buildId) {
        HttpUrl url = appPath(app).then("builds").id(PathId.Kind.BUILD_ID, buildId).build();
        return calls.call(get(url).build(), BuildJson.class).toBuild();
    }

    @Override
    public List<Build> builds(String app, int limit) {
        if (limit < 1 || limit > HerokuClient.MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + HerokuClient.MAX_PAGE + ", got " + limit);
        }
        Request request = get(appPath(app).then("builds").build())
                .header("Range", "started_at ..; max=" + limit + ", order=desc").build();
        List<BuildJson> page = calls.call(request,
                json.getTypeFactory().constructCollectionType(List.class, BuildJson.class));
        return page.stream().map(BuildJson::toBuild).limit(limit).toList();
    }

    @Override
    public Release releaseById(String app, String releaseId) {
        HttpUrl url = appPath(app).then("releases").id(PathId.Kind.RELEASE_ID, releaseId).build();
        return calls.call(get(url).build(), Release.class);
    }

    @Override
    public Optional<String> releaseCommit(String app, String releaseId) {
        HttpUrl url = appPath(app).then("releases").id(PathId.Kind.RELEASE_ID, releaseId).build();
        ReleaseSlug release = calls.call(get(url).build(), ReleaseSlug.class);
        if (release.slug() == null || release.slug().id() == null) {
            return Optional.empty();
        }
        HttpUrl slugUrl = appPath(app).then("slugs").id(PathId.Kind.SLUG_ID, release.slug().id()).build();
        SlugJson slug = calls.call(get(slugUrl).build(), SlugJson.class);
        return Optional.ofNullable(slug.commit()).filter(commit -> !commit.isBlank());
    }

    @Override
    public LogLines outputTail(String outputStreamUrl, int lastLines, Duration timeLimit) {
        if (lastLines < 1) {
            throw new IllegalArgumentException("lastLines must be at least 1, got " + lastLines);
        }
        HttpUrl url = outputStreamUrl == null ? null : HttpUrl.parse(outputStreamUrl);
        if (url == null) {
            throw new HerokuException(Failure.MALFORMED, 0, null, "Heroku gave no usable output stream URL.");
        }
        Call call = streams.newCall(new Request.Builder().url(url).get().build());
        call.timeout().timeout(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw errors.translate(new HttpFailure(JsonHttp.classify(e), 0, "GET", url.encodedPath(),
                    Optional.empty(), Optional.empty(), e));
        }
        try (response) {
            if (!response.isSuccessful()) {
                throw errors.translate(new HttpFailure(JsonHttp.classify(response.code()), response.code(), "GET",
                        url.encodedPath(), Optional.empty(), RateLimits.retryAfter(response), null));
            }
            ResponseBody body = response.body();
            if (body == null) {
                return new LogLines(List.of(), LogLines.End.COMPLETE);
            }
            boolean eventStream = response.header("Content-Type", "").contains("event-stream");
            return tail(body.source(), eventStream, lastLines, call);
        }
    }

    /** Reads the whole stream, keeping the last {@code keep} lines (redacted); LINE_LIMIT when earlier ones were cut. */
    static LogLines tail(BufferedSource source, boolean eventStream, int keep, Call call) {
        Deque<String> lines = new ArrayDeque<>();
        boolean cut = false;
        int read = 0;
        try {
            String raw;
            while (read < MAX_LINES_READ && (raw = source.readUtf8Line()) != null) {
                read++;
                Optional<String> line = LogStream.lineOf(raw, eventStream);
                if (line.isEmpty()) {
                    continue;
                }
                lines.addLast(line.get());
                if (lines.size() > keep) {
                    lines.removeFirst();
                    cut = true;
                }
            }
            List<String> out = lines.stream().map(Redact::text).toList();
            return new LogLines(out, cut || read >= MAX_LINES_READ ? LogLines.End.LINE_LIMIT : LogLines.End.COMPLETE);
        } catch (IOException e) {
            List<String> out = lines.stream().map(Redact::text).toList();
            return new LogLines(out, call.isCanceled() ? LogLines.End.TIME_LIMIT : LogLines.End.BROKEN);
        }
    }

    private ApiPath appPath(String app) {
        return ApiPath.under(base).then("apps").id(PathId.Kind.APP, app);
    }

    private static Request.Builder get(HttpUrl url) {
        return new Request.Builder().url(url).get();
    }

    private Request post(Object body, HttpUrl url) {
        try {
            return new Request.Builder().url(url).post(RequestBody.create(json.writeValueAsBytes(body), JSON)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a request body", e);
        }
    }

    private record BuildBody(@com.fasterxml.jackson.annotation.JsonProperty("source_blob") SourceBlob sourceBlob) {
        private record SourceBlob(String url, String version) {
        }
    }

    /** The wire shape of a build; the source blob's URL is read past, never kept. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BuildJson(String id, BuildStatus status, Blob sourceBlob, String outputStreamUrl, Ref release,
                     Instant createdAt, Instant updatedAt) {
        Build toBuild() {
            return new Build(id, status, Optional.ofNullable(sourceBlob).map(Blob::version),
                    Optional.ofNullable(outputStreamUrl), Optional.ofNullable(release).map(Ref::id), createdAt,
                    updatedAt);
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Blob(String version) {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ref(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReleaseSlug(Ref slug) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SlugJson(String id, String commit) {
    }
}
