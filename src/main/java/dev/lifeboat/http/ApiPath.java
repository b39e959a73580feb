package dev.lifeboat.http;

import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Builds an upstream URL under a system's API root: the API's own fixed words as they are, and every id through
 * {@link PathId}, so no id can add, drop or climb out of a path segment. The clients build paths only with this.
 */
public final class ApiPath {
    /** A fixed word of an API path, e.g. {@code apps}, {@code log-sessions} or {@code summary.json}. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");

    private final HttpUrl.Builder url;

    private ApiPath(HttpUrl.Builder url) {
        this.url = url;
    }

    /** A path under {@code base}; a trailing slash on the base does not add an empty segment. */
    public static ApiPath under(HttpUrl base) {
        HttpUrl.Builder builder = base.newBuilder();
        List<String> existing = base.pathSegments();
        if (!existing.isEmpty() && existing.get(existing.size() - 1).isEmpty()) {
            builder.removePathSegment(existing.size() - 1);
        }
        return new ApiPath(builder);
    }

    /** Appends fixed words of the API's path (constants in the client, never input). */
    public ApiPath then(String... words) {
        for (String word : words) {
            if (word == null || !WORD.matcher(word).matches()) {
                throw new IllegalArgumentException("not a fixed path word: '" + word + "'");
            }
            url.addPathSegment(word);
        }
        return this;
    }

    /** Appends one id after checking it is a well-formed id of its kind ({@link InvalidIdException} if not). */
    public ApiPath id(PathId.Kind kind, String value) {
        url.addPathSegment(PathId.require(kind, value));
        return this;
    }

    /** The builder, for query parameters. */
    public HttpUrl.Builder url() {
        return url;
    }

    public HttpUrl build() {
        return url.build();
    }
}
