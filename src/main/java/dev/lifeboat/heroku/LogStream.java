package dev.lifeboat.heroku;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.ErrorTranslator;
import dev.lifeboat.http.HttpFailure;
import dev.lifeboat.http.JsonHttp;
import dev.lifeboat.http.RateLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads a log session's stream: {@code text/event-stream} ({@code data:} frames) or plain text, one line at a
 * time, stopping at a line limit or a time limit and returning what arrived.
 */
final class LogStream {
    private final OkHttpClient http;
    private final ErrorTranslator errors;

    LogStream(OkHttpClient http, ErrorTranslator errors) {
        this.http = http;
        this.errors = errors;
    }

    LogLines read(HttpUrl url, int maxLines, Duration timeLimit) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be at least 1, got " + maxLines);
        }
        Request request = new Request.Builder().url(url).get().header("Accept", "text/event-stream").build();
        Call call = http.newCall(request);
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
            String contentType = response.header("Content-Type", "");
            return collect(body.source(), contentType.contains("event-stream"), maxLines, call);
        }
    }

    private static LogLines collect(BufferedSource source, boolean eventStream, int maxLines, Call call) {
        List<String> lines = new ArrayList<>();
        try {
            String raw;
            while (lines.size() < maxLines && (raw = source.readUtf8Line()) != null) {
                lineOf(raw, eventStream).map(Redact::text).ifPresent(lines::add);
            }
            return new LogLines(lines, lines.size() >= maxLines ? LogLines.End.LINE_LIMIT : LogLines.End.COMPLETE);
        } catch (IOException e) {
            return new LogLines(lines, call.isCanceled() ? LogLines.End.TIME_LIMIT : LogLines.End.BROKEN);
        }
    }

    /** The log line a raw stream line carries: a {@code data:} frame's payload, or a plain line as it is. */
    static Optional<String> lineOf(String raw, boolean eventStream) {
        String line = raw;
        if (eventStream) {
            if (!raw.startsWith("data:")) {
                return Optional.empty(); // blank separators, comments (":"), "event:", "id:", "retry:"
            }
            line = raw.substring(raw.length() > 5 && raw.charAt(5) == ' ' ? 6 : 5);
        }
        line = line.stripTrailing();
        return line.isBlank() ? Optional.empty() : Optional.of(line);
    }
}
