package dev.lifeboat.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL connection from {@code DATABASE_URL}: Heroku's {@code postgres://user:pass@host:port/db} form or a
 * {@code jdbc:postgresql://} URL. Heroku databases require SSL, so {@code sslmode=require} is the default for
 * non-local hosts unless the URL names one.
 */
public record DatabaseUrl(String jdbcUrl, String user, Secret password) {

    public static DatabaseUrl parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, null, null);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (expected postgres://user:password@host:port/database)");
        }
        String scheme = uri.getScheme();
        if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
            throw new IllegalArgumentException("must start with postgres:// or jdbc:postgresql:// (the value is not shown)");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
            throw new IllegalArgumentException("must name a host and a database (postgres://user:password@host:port/database)");
        }
        String user = null;
        Secret password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (parts.length == 2) {
                password = new Secret(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        boolean local = uri.getHost().equals("localhost") || uri.getHost().startsWith("127.");
        if (!query.contains("sslmode=") && !local) {
            query = query.isEmpty() ? "sslmode=require" : query + "&sslmode=require";
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + (query.isEmpty() ? "" : "?" + query);
        return new DatabaseUrl(jdbc, user, password);
    }
}
