package dev.lifeboat.platformstatus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.http.ApiPath;
import dev.lifeboat.http.JsonHttp;
import dev.lifeboat.platformstatus.PlatformStatus.Incident;
import dev.lifeboat.platformstatus.PlatformStatus.Level;
import dev.lifeboat.platformstatus.PlatformStatus.SystemStatus;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Heroku's platform status: {@code GET /api/v4/current-status}, no authentication. */
public final class HerokuStatusClient implements PlatformStatusSource {
    record CurrentStatus(List<SystemEntry> status, List<IncidentEntry> incidents) {
    }

    record SystemEntry(String system, String status) {
    }

    record IncidentEntry(String title, @JsonProperty("full_url") String fullUrl,
                         @JsonProperty("created_at") Instant createdAt, List<UpdateEntry> updates) {
    }

    record UpdateEntry(@JsonProperty("update_type") String updateType, String contents) {
    }

    private final JsonHttp http;
    private final HttpUrl endpoint;
    private final String pageUrl;

    public HerokuStatusClient(OkHttpClient client, ObjectMapper json, URI baseUrl) {
        this.pageUrl = baseUrl.toString();
        this.endpoint = ApiPath.under(HttpUrl.get(baseUrl)).then("api", "v4", "current-status").build();
        this.http = new JsonHttp(client, json, f -> PlatformStatusException.translate("Heroku", pageUrl, f));
    }

    @Override
    public String platform() {
        return "Heroku";
    }

    @Override
    public PlatformStatus current() {
        CurrentStatus body = http.call(new Request.Builder().url(endpoint).get().build(), CurrentStatus.class);
        List<SystemStatus> systems = body.status() == null ? List.of() : body.status().stream()
                .map(s -> new SystemStatus(s.system(), level(s.status()), s.status()))
                .toList();
        List<Incident> incidents = body.incidents() == null ? List.of() : body.incidents().stream()
                .map(i -> new Incident(i.title() == null ? "(untitled incident)" : i.title(), latestUpdateType(i),
                        i.fullUrl(), i.createdAt()))
                .sorted(Comparator.comparing(Incident::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        Level overall = systems.stream().map(SystemStatus::level).reduce(Level.OPERATIONAL, Level::worst);
        String summary = overall == Level.OPERATIONAL ? "All systems green"
                : systems.stream().filter(s -> s.level() != Level.OPERATIONAL)
                        .map(s -> s.name() + " " + s.detail()).reduce((a, b) -> a + ", " + b).orElse("");
        return new PlatformStatus("Heroku", overall, summary, systems, incidents, pageUrl);
    }

    private static String latestUpdateType(IncidentEntry incident) {
        if (incident.updates() == null || incident.updates().isEmpty()) {
            return "open";
        }
        String type = incident.updates().get(0).updateType();
        return type == null ? "open" : type;
    }

    static Level level(String color) {
        return switch (color == null ? "" : color.toLowerCase(Locale.ROOT)) {
            case "green" -> Level.OPERATIONAL;
            case "yellow" -> Level.DEGRADED;
            case "red" -> Level.OUTAGE;
            default -> Level.DEGRADED;
        };
    }
}
