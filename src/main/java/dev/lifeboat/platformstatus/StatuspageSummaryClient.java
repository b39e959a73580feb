package dev.lifeboat.platformstatus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.http.ApiPath;
import dev.lifeboat.http.JsonHttp;
import dev.lifeboat.http.PathId;
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

/** Any public Statuspage ({@code GET /api/v2/summary.json}); Netlify's status page is one. */
public final class StatuspageSummaryClient implements PlatformStatusSource {
    record Summary(Page page, Indicator status, List<Component> components, List<IncidentEntry> incidents) {
    }

    record Page(String name, String url) {
    }

    record Indicator(String indicator, String description) {
    }

    record Component(String name, String status, boolean group) {
    }

    record IncidentEntry(String name, String status, String impact, String shortlink,
                         @JsonProperty("created_at") Instant createdAt, @JsonProperty("page_id") String pageId,
                         String id) {
    }

    private final String platform;
    private final JsonHttp http;
    private final HttpUrl endpoint;
    private final String pageUrl;

    public StatuspageSummaryClient(String platform, OkHttpClient client, ObjectMapper json, URI baseUrl) {
        this.platform = platform;
        this.pageUrl = baseUrl.toString();
        this.endpoint = ApiPath.under(HttpUrl.get(baseUrl)).then("api", "v2", "summary.json").build();
        this.http = new JsonHttp(client, json, f -> PlatformStatusException.translate(platform, pageUrl, f));
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public PlatformStatus current() {
        Summary body = http.call(new Request.Builder().url(endpoint).get().build(), Summary.class);
        List<SystemStatus> systems = body.components() == null ? List.of() : body.components().stream()
                .filter(c -> !c.group())
                .map(c -> new SystemStatus(c.name(), componentLevel(c.status()), humanise(c.status())))
                .toList();
        List<Incident> incidents = body.incidents() == null ? List.of() : body.incidents().stream()
                .filter(i -> !"resolved".equals(i.status()) && !"postmortem".equals(i.status()))
                .map(i -> new Incident(i.name() == null ? "(untitled incident)" : i.name(), humanise(i.status()),
                        i.shortlink() != null ? i.shortlink() : incidentUrl(i), i.createdAt()))
                .sorted(Comparator.comparing(Incident::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        Level indicator = indicatorLevel(body.status() == null ? null : body.status().indicator());
        Level overall = systems.stream().map(SystemStatus::level).reduce(indicator, Level::worst);
        String summary = body.status() == null || body.status().description() == null
                ? overall.name().toLowerCase(Locale.ROOT) : body.status().description();
        String page = body.page() != null && body.page().url() != null ? body.page().url() : pageUrl;
        return new PlatformStatus(platform, overall, summary, systems, incidents, page);
    }

    private String incidentUrl(IncidentEntry incident) {
        // The id comes from the page's answer: only a well-formed one goes into the link shown to people.
        return PathId.isValid(PathId.Kind.STATUSPAGE_INCIDENT, incident.id())
                ? pageUrl.replaceAll("/+$", "") + "/incidents/" + incident.id() : pageUrl;
    }

    static Level indicatorLevel(String indicator) {
        return switch (indicator == null ? "" : indicator) {
            case "none" -> Level.OPERATIONAL;
            case "major", "critical" -> Level.OUTAGE;
            default -> Level.DEGRADED;
        };
    }

    static Level componentLevel(String status) {
        return switch (status == null ? "" : status) {
            case "operational" -> Level.OPERATIONAL;
            case "major_outage" -> Level.OUTAGE;
            default -> Level.DEGRADED;
        };
    }

    private static String humanise(String status) {
        return status == null ? "unknown" : status.replace('_', ' ');
    }
}
