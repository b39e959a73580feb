package dev.lifeboat.netlify;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.http.ApiPath;
import dev.lifeboat.http.JsonHttp;
import dev.lifeboat.http.PathId;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The real {@link NetlifySite}, over Netlify's REST API ({@code https://api.netlify.com/api/v1}). The client it is
 * given adds the bearer token, timeouts and retries (GET only); see {@link NetlifyModule}.
 */
final class NetlifyClient implements NetlifySite {
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private final JsonHttp http;
    private final HttpUrl apiUrl;
    private final String siteId;
    private final JavaType deployList;
    private final JavaType fileList;

    NetlifyClient(OkHttpClient client, ObjectMapper json, NetlifyErrors errors, HttpUrl apiUrl, String siteId) {
        this.http = new JsonHttp(client, json, errors);
        this.apiUrl = apiUrl;
        this.siteId = PathId.require(PathId.Kind.NETLIFY_SITE, siteId);
        this.deployList = json.getTypeFactory().constructCollectionType(List.class, Deploy.class);
        this.fileList = json.getTypeFactory().constructCollectionType(List.class, SiteFile.class);
    }

    @Override
    public Site site() {
        return http.call(get(sitePath().build()), Site.class);
    }

    @Override
    public List<Deploy> deploys(int perPage) {
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("perPage must be 1 to " + MAX_PER_PAGE + ", got " + perPage);
        }
        HttpUrl url = sitePath().then("deploys").url().addQueryParameter("per_page", Integer.toString(perPage)).build();
        return http.call(get(url), deployList);
    }

    @Override
    public Deploy deploy(String deployId) {
        return http.call(get(deployPath(deployId).build()), Deploy.class);
    }

    @Override
    public Deploy publishDeploy(String deployId) {
        HttpUrl url = deployPath(deployId).then("restore").build();
        return http.call(post(url), Deploy.class);
    }

    @Override
    public Build triggerBuild(boolean clearCache) {
        HttpUrl.Builder url = sitePath().then("builds").url();
        if (clearCache) {
            url.addQueryParameter("clear_cache", "true");
        }
        return http.call(post(url.build()), Build.class);
    }

    @Override
    public List<SiteFile> files() {
        return http.call(get(sitePath().then("files").build()), fileList);
    }

    private ApiPath sitePath() {
        return ApiPath.under(apiUrl).then("sites").id(PathId.Kind.NETLIFY_SITE, siteId);
    }

    private ApiPath deployPath(String deployId) {
        return sitePath().then("deploys").id(PathId.Kind.NETLIFY_DEPLOY, deployId);
    }

    private static Request get(HttpUrl url) {
        return new Request.Builder().url(url).header("Accept", "application/json").get().build();
    }

    private static Request post(HttpUrl url) {
        return new Request.Builder().url(url).header("Accept", "application/json").post(EMPTY).build();
    }
}
