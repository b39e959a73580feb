package dev.lifeboat.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.config.Redact;
import dev.lifeboat.config.RuntimeSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code LIFEBOAT_FALLBACK_WEBHOOK_URL}: where announcements go while Slack cannot be reached, as a JSON POST
 * {@code {"text", "incident", "service", "at"}} ({@code text} makes it readable by Slack-style incoming webhooks of
 * another workspace, Teams connectors and most chat bridges). The URL is a secret: it is never logged.
 */
@Singleton
public class FallbackWebhook {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** What one POST carries. */
    public record Note(String text, String incident, String service, Instant at) {
    }

    private final Optional<URI> url;
    private final OkHttpClient http;
    private final ObjectMapper json;

    @Inject
    FallbackWebhook(RuntimeSettings settings, OkHttpClient shared, ObjectMapper json) {
        this.url = settings.fallbackWebhook();
        this.http = shared.newBuilder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
                .followRedirects(false).build();
        this.json = json;
    }

    public boolean configured() {
        return url.isPresent();
    }

    /** Posts the note; false (with the reason logged by the caller) when the webhook did not take it. */
    public void send(Note note) throws IOException {
        if (url.isEmpty()) {
            throw new IllegalStateException("no fallback webhook");
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(note);
        } catch (JsonProcessingException e) {
            throw new IOException("could not write the note", e);
        }
        Request request = new Request.Builder().url(url.get().toString()).post(RequestBody.create(body, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("the fallback webhook answered " + response.code());
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(Redact.text(e.getMessage()), e);
        }
    }
}
