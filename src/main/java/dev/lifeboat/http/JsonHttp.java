package dev.lifeboat.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Executes one JSON call for a system: checks the status itself, closes the response, parses the body into a typed
 * record, and turns every failure into that system's exception through its {@link ErrorTranslator}.
 */
public final class JsonHttp {
    /** A successful response: the parsed body and the headers a caller may need (paging, rate limits). */
    public record Result<T>(T body, int status, okhttp3.Headers headers) {
    }

    private final OkHttpClient client;
    private final ObjectMapper json;
    private final ErrorTranslator errors;

    public JsonHttp(OkHttpClient client, ObjectMapper json, ErrorTranslator errors) {
        this.client = client;
        this.json = json;
        this.errors = errors;
    }

    public ObjectMapper json() {
        return json;
    }

    public <T> T call(Request request, Class<T> type) {
        return this.<T>exchange(request, json.getTypeFactory().constructType(type)).body();
    }

    public <T> T call(Request request, JavaType type) {
        return this.<T>exchange(request, type).body();
    }

    /** Calls and returns the body with status and headers. A {@code null} type ignores the body. */
    public <T> Result<T> exchange(Request request, JavaType type) {
        String method = request.method();
        String path = request.url().encodedPath();
        okhttp3.Call call = client.newCall(request);
        // Work with a deadline (a status round) ends its calls there instead of holding a thread past it.
        Deadline.nanosLeft().ifPresent(left -> {
            long own = call.timeout().timeoutNanos();
            call.timeout().timeout(own == 0 ? Math.max(1, left) : Math.min(own, Math.max(1, left)), TimeUnit.NANOSECONDS);
        });
        // A status round that gives up on this call (its deadline passed) cancels it instead of leaving it open.
        try (Deadline.Tracked tracked = Deadline.track(call); Response response = call.execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw errors.translate(new HttpFailure(classify(response.code()), response.code(), method, path,
                        apiMessage(text), RateLimits.retryAfter(response), null));
            }
            if (type == null || text.isBlank() && response.code() == 204) {
                return new Result<>(null, response.code(), response.headers());
            }
            try {
                T parsed = json.readValue(text, type);
                if (parsed == null) {
                    throw new JsonProcessingException("empty body") { };
                }
                return new Result<>(parsed, response.code(), response.headers());
            } catch (JsonProcessingException e) {
                throw errors.translate(new HttpFailure(Failure.MALFORMED, response.code(), method, path,
                        Optional.empty(), Optional.empty(), e));
            }
        } catch (UpstreamException e) {
            throw e;
        } catch (IOException e) {
            throw errors.translate(new HttpFailure(classify(e), 0, method, path, Optional.empty(), Optional.empty(), e));
        }
    }

    public static Failure classify(int status) {
        return switch (status) {
            case 401 -> Failure.UNAUTHORIZED;
            case 403 -> Failure.FORBIDDEN;
            case 404 -> Failure.NOT_FOUND;
            case 400, 409, 422 -> Failure.REJECTED;
            case 429 -> Failure.RATE_LIMITED;
            default -> status >= 500 ? Failure.SERVER_ERROR : Failure.UNEXPECTED;
        };
    }

    public static Failure classify(IOException e) {
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            return Failure.TIMEOUT;
        }
        if (e instanceof SSLException) {
            return Failure.TLS;
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return Failure.UNREACHABLE;
        }
        return Failure.UNREACHABLE;
    }

    /** The upstream's own message from an error body ({@code message}, {@code error} or {@code errors[0]}). */
    private Optional<String> apiMessage(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(text);
            for (String field : new String[] {"message", "error_description", "error"}) {
                JsonNode value = node.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return Optional.of(limit(value.asText()));
                }
            }
            JsonNode errorsNode = node.get("errors");
            if (errorsNode != null && errorsNode.isArray() && !errorsNode.isEmpty()) {
                return Optional.of(limit(errorsNode.get(0).asText()));
            }
        } catch (IOException | RuntimeException ignored) {
            // Not JSON: an HTML error page from a proxy, say. Never echo it.
        }
        return Optional.empty();
    }

    private static String limit(String message) {
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
