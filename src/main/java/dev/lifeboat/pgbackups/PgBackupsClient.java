package dev.lifeboat.pgbackups;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.http.ApiPath;
import dev.lifeboat.http.JsonHttp;
import dev.lifeboat.http.PathId;
import java.net.URI;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/** The Heroku Postgres data API over HTTP. Auth, {@code Accept}, timeouts and retries live in its client. */
final class PgBackupsClient implements PgBackups {
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final JsonHttp calls;
    private final ObjectMapper json;

    PgBackupsClient(OkHttpClient http, URI dataApiUrl, ObjectMapper json) {
        this.base = HttpUrl.get(dataApiUrl);
        this.calls = new JsonHttp(http, json, new PgBackupsErrors(dataApiUrl));
        this.json = json;
    }

    @Override
    public List<Transfer> transfers(String app) {
        return calls.call(get(appPath(app).then("transfers").build()), listOf(Transfer.class));
    }

    @Override
    public Transfer transfer(String app, String numOrUuid) {
        return calls.call(get(transferPath(app, numOrUuid).build()), Transfer.class);
    }

    @Override
    public Transfer transferWithLogs(String app, String numOrUuid) {
        HttpUrl url = transferPath(app, numOrUuid).url().addQueryParameter("verbose", "true").build();
        return calls.call(get(url), Transfer.class);
    }

    @Override
    public Transfer capture(String addonId) {
        return calls.call(post(databasePath(addonId).then("backups").build(), null), Transfer.class);
    }

    @Override
    public Transfer restore(String addonId, URI backupUrl) {
        return calls.call(post(databasePath(addonId).then("restores").build(), new RestoreBody(backupUrl.toString())),
                Transfer.class);
    }

    @Override
    public PublicUrl publicUrl(String app, long num) {
        return calls.call(post(transferPath(app, Long.toString(num)).then("actions", "public-url").build(), null),
                PublicUrl.class);
    }

    @Override
    public List<TransferSchedule> schedules(String addonId) {
        return calls.call(get(databasePath(addonId).then("transfer-schedules").build()),
                listOf(TransferSchedule.class));
    }

    @Override
    public void cancel(String app, String transferUuid) {
        calls.exchange(post(transferPath(app, transferUuid).then("actions", "cancel").build(), null), null);
    }

    private JavaType listOf(Class<?> element) {
        return json.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** {@code {base}/client/v11/apps/{app}}: the app's name or id, checked. */
    private ApiPath appPath(String app) {
        return ApiPath.under(base).then("client", "v11", "apps").id(PathId.Kind.APP, app);
    }

    private ApiPath transferPath(String app, String numOrUuid) {
        return appPath(app).then("transfers").id(PathId.Kind.TRANSFER, numOrUuid);
    }

    /** {@code {base}/client/v11/databases/{addon}}: the add-on's id or name, checked. */
    private ApiPath databasePath(String addonId) {
        return ApiPath.under(base).then("client", "v11", "databases").id(PathId.Kind.ADDON, addonId);
    }

    private static Request get(HttpUrl url) {
        return new Request.Builder().url(url).get().build();
    }

    /** A POST; with no body object it sends an empty body, as the CLI does for capture and cancel. */
    private Request post(HttpUrl url, Object body) {
        try {
            byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
            return new Request.Builder().url(url).post(RequestBody.create(bytes, JSON)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    private record RestoreBody(@JsonProperty("backup_url") String backupUrl) {
    }
}
