package dev.lifeboat.statuspage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.lifeboat.http.ApiPath;
import dev.lifeboat.http.JsonHttp;
import dev.lifeboat.http.PathId;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The real {@link StatusPage}, over Statuspage's manage API ({@code https://api.statuspage.io/v1}). The client it
 * is given adds the {@code OAuth} key, request spacing, timeouts and retries (GET only); see
 * {@link StatuspageModule}.
 */
final class StatuspageClient implements StatusPage {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** The {@code incident} object of a create or update request; absent fields are not sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record IncidentFields(String name, IncidentStatus status, String body, List<String> componentIds,
                          Map<String, ComponentStatus> components, Boolean deliverNotifications) {
    }

    record Envelope(IncidentFields incident) {
    }

    private final JsonHttp http;
    private final ObjectMapper json;
    private final HttpUrl apiUrl;
    private final String pageId;
    private final JavaType incidentList;
    private final JavaType componentList;

    StatuspageClient(OkHttpClient client, ObjectMapper json, StatuspageErrors errors, HttpUrl apiUrl, String pageId) {
        this.http = new JsonHttp(client, json, errors);
        this.json = json;
        this.apiUrl = apiUrl;
        this.pageId = PathId.require(PathId.Kind.STATUSPAGE_PAGE, pageId);
        this.incidentList = json.getTypeFactory().constructCollectionType(List.class, Incident.class);
        this.componentList = json.getTypeFactory().constructCollectionType(List.class, Component.class);
    }

    @Override
    public Incident createIncident(IncidentDraft draft) {
        IncidentFields fields = new IncidentFields(draft.name(), draft.status(), draft.body(),
                List.copyOf(draft.components().keySet()), draft.components(), draft.deliverNotifications());
        Request request = new Request.Builder().url(pagePath().then("incidents").build())
                .header("Accept", "application/json")
                .post(body(fields)).build();
        return http.call(request, Incident.class);
    }

    @Override
    public Incident updateIncident(String incidentId, IncidentChange change) {
        HttpUrl url = pagePath().then("incidents").id(PathId.Kind.STATUSPAGE_INCIDENT, incidentId).build();
        IncidentFields fields = new IncidentFields(null, change.status(), change.body(), null,
                change.components().isEmpty() ? null : change.components(), change.deliverNotifications());
        Request request = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .patch(body(fields)).build();
        return http.call(request, Incident.class);
    }

    @Override
    public List<Incident> unresolvedIncidents() {
        return http.call(get(pagePath().then("incidents", "unresolved").build()), incidentList);
    }

    @Override
    public List<Component> components() {
        return http.call(get(pagePath().then("components").build()), componentList);
    }

    private ApiPath pagePath() {
        return ApiPath.under(apiUrl).then("pages").id(PathId.Kind.STATUSPAGE_PAGE, pageId);
    }

    private RequestBody body(IncidentFields fields) {
        try {
            return RequestBody.create(json.writeValueAsBytes(new Envelope(fields)), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an incident request", e);
        }
    }

    private static Request get(HttpUrl url) {
        return new Request.Builder().url(url).header("Accept", "application/json").get().build();
    }
}
