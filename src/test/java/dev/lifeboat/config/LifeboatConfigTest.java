package dev.lifeboat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifeboatConfigTest {
    static Map<String, String> full() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-1111-secret-bot");
        env.put("SLACK_SIGNING_SECRET", "signing-secret-value");
        env.put("SLACK_APP_TOKEN", "xapp-1-secret-app");
        env.put("SLACK_API_URL", "http://localhost:9999/api");
        env.put("LIFEBOAT_INCIDENT_CHANNEL", "C0INCIDENT");
        env.put("LIFEBOAT_OPERATORS", "U0AAA, S0BBB W0CCC");
        env.put("LIFEBOAT_PRODUCTION_APPROVALS", "2");
        env.put("PORT", "8080");
        env.put("HEROKU_API_KEY", "heroku-secret-key");
        env.put("HEROKU_APP", "acme-prod");
        env.put("HEROKU_STAGING_APP", "acme-staging");
        env.put("HEROKU_API_URL", "http://localhost:1/heroku");
        env.put("HEROKU_DATA_API_URL", "http://localhost:2/data");
        env.put("HEROKU_STATUS_URL", "http://localhost:3/status");
        env.put("APP_URL", "https://acme.example.com/");
        env.put("APP_HEALTH_PATH", "health");
        env.put("NETLIFY_AUTH_TOKEN", "netlify-secret-token");
        env.put("NETLIFY_SITE_ID", "site-123");
        env.put("NETLIFY_API_URL", "http://localhost:4/netlify");
        env.put("NETLIFY_STATUS_URL", "http://localhost:5/nstatus");
        env.put("SITE_URL", "https://www.acme.example.com");
        env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "aws-secret-access-key");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ENDPOINT_URL_S3", "http://localhost:6");
        env.put("LIFEBOAT_BACKUP_BUCKET", "acme-backups");
        env.put("LIFEBOAT_BACKUP_PREFIX", "/db/daily");
        env.put("LIFEBOAT_BACKUP_RETENTION_DAYS", "45");
        env.put("LIFEBOAT_BACKUP_MAX_AGE_HOURS", "30");
        env.put("STATUSPAGE_API_KEY", "statuspage-secret");
        env.put("STATUSPAGE_PAGE_ID", "page-1");
        env.put("STATUSPAGE_API_URL", "http://localhost:7/sp");
        env.put("LIFEBOAT_GITHUB_REPO", "acme/shop");
        env.put("GITHUB_TOKEN", "github_pat_11ABCDEFG0secret-github-token");
        env.put("LIFEBOAT_STABLE_REF", "release/stable");
        env.put("GITHUB_API_URL", "http://localhost:8/gh");
        env.put("LIFEBOAT_VALIDATION_SQL", "SELECT count(*) > 0 FROM users");
        env.put("LIFEBOAT_MONITOR_INTERVAL_SECONDS", "30");
        env.put("LIFEBOAT_DOWN_AFTER_FAILURES", "5");
        env.put("LIFEBOAT_AUTO_INCIDENT", "true");
        env.put("LIFEBOAT_FALLBACK_WEBHOOK_URL", "https://hooks.example.com/T0/secret-path");
        env.put("DATABASE_URL", "postgres://lb:db-secret-password@db.example.com:5433/lifeboat");
        env.put("LIFEBOAT_DATA_DIR", "/var/lib/lifeboat");
        return env;
    }

    @Test
    void defaultsWhenNothingIsSet() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(Map.of()));

        assertFalse(config.slack().configured());
        assertEquals(URI.create("https://slack.com/api/"), config.slack().apiUrl());
        assertEquals(List.of(), config.access().operators());
        assertEquals(1, config.access().productionApprovals());
        assertEquals(3000, config.runtime().port());
        assertEquals(URI.create("https://api.heroku.com"), config.heroku().apiUrl());
        assertEquals(URI.create("https://api.data.heroku.com"), config.heroku().dataApiUrl());
        assertEquals(URI.create("https://status.heroku.com"), config.heroku().statusUrl());
        assertEquals("/", config.heroku().appHealthPath());
        assertEquals(URI.create("https://api.netlify.com/api/v1"), config.netlify().apiUrl());
        assertEquals(URI.create("https://www.netlifystatus.com"), config.netlify().statusUrl());
        assertEquals("pg-backups/", config.s3().prefix());
        assertEquals(30, config.s3().retentionDays());
        assertEquals(26, config.s3().maxAgeHours());
        assertEquals(URI.create("https://api.statuspage.io/v1"), config.statuspage().apiUrl());
        assertEquals(60, config.runtime().monitorIntervalSeconds());
        assertEquals(3, config.runtime().downAfterFailures());
        assertFalse(config.runtime().autoIncident());
        assertEquals(Path.of("./lifeboat-data"), config.runtime().dataDir());
        assertTrue(config.runtime().databaseUrl().isEmpty());
        assertFalse(config.heroku().configured());
        assertFalse(config.netlify().configured());
        assertFalse(config.s3().configured());
        assertFalse(config.statuspage().configured());
    }

    @Test
    void everyVariableMapsToItsSetting() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(full()));

        assertEquals("xoxb-1111-secret-bot", config.slack().botToken().orElseThrow().reveal());
        assertEquals("signing-secret-value", config.slack().signingSecret().orElseThrow().reveal());
        assertTrue(config.slack().socketMode());
        assertEquals(URI.create("http://localhost:9999/api/"), config.slack().apiUrl(), "a trailing slash is added");
        assertEquals(Optional.of("C0INCIDENT"), config.slack().incidentChannel());
        assertEquals(List.of("U0AAA", "S0BBB", "W0CCC"), config.access().operators());
        assertEquals(List.of("U0AAA", "W0CCC"), config.access().operatorUsers());
        assertEquals(List.of("S0BBB"), config.access().operatorGroups());
        assertEquals(2, config.access().productionApprovals());
        assertEquals(8080, config.runtime().port());
        assertEquals(Optional.of("acme-prod"), config.heroku().app());
        assertEquals(Optional.of("acme-staging"), config.heroku().stagingApp());
        assertEquals(URI.create("http://localhost:1/heroku"), config.heroku().apiUrl());
        assertEquals(URI.create("http://localhost:2/data"), config.heroku().dataApiUrl());
        assertEquals(URI.create("http://localhost:3/status"), config.heroku().statusUrl());
        assertEquals(Optional.of(URI.create("https://acme.example.com/health")), config.heroku().healthUrl());
        assertEquals(Optional.of("site-123"), config.netlify().siteId());
        assertEquals(URI.create("http://localhost:4/netlify"), config.netlify().apiUrl());
        assertEquals(URI.create("http://localhost:5/nstatus"), config.netlify().statusUrl());
        assertEquals(Optional.of(URI.create("https://www.acme.example.com")), config.netlify().siteUrl());
        assertEquals(Optional.of("AKIAEXAMPLE"), config.s3().accessKeyId());
        assertEquals(Optional.of("eu-west-1"), config.s3().region());
        assertEquals(Optional.of(URI.create("http://localhost:6")), config.s3().endpoint());
        assertEquals(Optional.of("acme-backups"), config.s3().bucket());
        assertEquals("db/daily/", config.s3().prefix(), "leading slash dropped, trailing slash added");
        assertEquals(45, config.s3().retentionDays());
        assertEquals(30, config.s3().maxAgeHours());
        assertEquals(Optional.of("page-1"), config.statuspage().pageId());
        assertEquals(URI.create("http://localhost:7/sp"), config.statuspage().apiUrl());
        assertEquals(Optional.of("SELECT count(*) > 0 FROM users"), config.runtime().validationSql());
        assertEquals(30, config.runtime().monitorIntervalSeconds());
        assertEquals(5, config.runtime().downAfterFailures());
        assertTrue(config.runtime().autoIncident());
        assertEquals(Optional.of(URI.create("https://hooks.example.com/T0/secret-path")), config.runtime().fallbackWebhook());
        assertEquals(Path.of("/var/lib/lifeboat"), config.runtime().dataDir());
        assertTrue(config.heroku().configured());
        assertTrue(config.netlify().configured());
        assertTrue(config.s3().configured());
        assertTrue(config.statuspage().configured());
    }

    @Test
    void herokuDatabaseUrlBecomesJdbcWithSslRequired() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://lb:p%40ss@db.example.com:5433/lifeboat");

        assertEquals("jdbc:postgresql://db.example.com:5433/lifeboat?sslmode=require", url.jdbcUrl());
        assertEquals("lb", url.user());
        assertEquals("p@ss", url.password().reveal());
        assertEquals("jdbc:postgresql://localhost:5432/lb", DatabaseUrl.parse("postgresql://u:p@localhost/lb").jdbcUrl(),
                "local databases are not forced onto SSL");
        assertEquals("jdbc:postgresql://h:5432/d?sslmode=disable", DatabaseUrl.parse("postgres://u:p@h/d?sslmode=disable").jdbcUrl());
    }

    @Test
    void everyProblemIsReportedTogetherWithTheVariableNames() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "not-a-bot-token");
        env.put("PORT", "eighty");
        env.put("LIFEBOAT_OPERATORS", "U0AAA,@alice");
        env.put("LIFEBOAT_PRODUCTION_APPROVALS", "3");
        env.put("HEROKU_API_KEY", "heroku-secret-key");
        env.put("APP_URL", "acme.example.com");
        env.put("NETLIFY_SITE_ID", "site-1");
        env.put("LIFEBOAT_BACKUP_MAX_AGE_HOURS", "-1");
        env.put("LIFEBOAT_AUTO_INCIDENT", "maybe");
        env.put("LIFEBOAT_INCIDENT_CHANNEL", "#incidents");
        env.put("DATABASE_URL", "mysql://root:db-secret@h/db");

        ConfigException e = assertThrows(ConfigException.class, () -> LifeboatConfig.load(Env.of(env)));

        List<String> problems = e.problems();
        assertEquals(List.of(
                "SLACK_BOT_TOKEN should start with 'xoxb-' (the value is not shown)",
                "LIFEBOAT_INCIDENT_CHANNEL must be a channel id like C0123ABCD (not a #name), got '#incidents'",
                "LIFEBOAT_OPERATORS: '@alice' is not a Slack user id (U…/W…) or user-group id (S…)",
                "LIFEBOAT_PRODUCTION_APPROVALS must be between 1 and 2, got 3",
                "APP_URL must be an http(s) URL with a host, got 'acme.example.com'",
                "HEROKU_APP is required when HEROKU_API_KEY is set",
                "NETLIFY_AUTH_TOKEN is required when NETLIFY_SITE_ID is set",
                "LIFEBOAT_BACKUP_MAX_AGE_HOURS must be between 1 and 8760, got -1",
                "DATABASE_URL must start with postgres:// or jdbc:postgresql:// (the value is not shown)",
                "PORT must be a whole number, got 'eighty'",
                "LIFEBOAT_AUTO_INCIDENT must be true or false, got 'maybe'"), problems);
        assertTrue(e.getMessage().startsWith("Lifeboat cannot start: 11 configuration problems\n  - SLACK_BOT_TOKEN"), e.getMessage());
        assertFalse(e.getMessage().contains("not-a-bot-token"));
        assertFalse(e.getMessage().contains("heroku-secret-key"));
        assertFalse(e.getMessage().contains("db-secret"));
    }

    @Test
    void validationSqlHoldsOnlySelectsAndIsSplitOutsideQuotes() {
        Map<String, String> bad = Map.of("LIFEBOAT_VALIDATION_SQL", "SELECT 1; DELETE FROM users; select 2");

        ConfigException e = assertThrows(ConfigException.class, () -> LifeboatConfig.load(Env.of(bad)));

        assertEquals(List.of("LIFEBOAT_VALIDATION_SQL holds only SELECT statements (separated by ;), but one starts "
                + "with 'DELETE'"), e.problems());
        assertEquals(List.of("SELECT count(*) > 0 FROM users WHERE email <> ';'", "WITH x AS (SELECT 1) SELECT * FROM x"),
                ValidationSql.statements(" SELECT count(*) > 0 FROM users WHERE email <> ';' ;; WITH x AS (SELECT 1) "
                        + "SELECT * FROM x;"));
        assertEquals(Optional.of("select 1; select 2"), LifeboatConfig.load(Env.of(Map.of("LIFEBOAT_VALIDATION_SQL",
                "select 1; select 2"))).runtime().validationSql());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "\"{0}\" valid={1}")
    @org.junit.jupiter.params.provider.CsvSource({"acme-prod, true", "abc, true", "ab, false", "acme-, false",
            "Acme, false", "acme.prod, false", "'..', false"})
    void herokuAppNamesFollowHerokusOwnPattern(String app, boolean valid) {
        Map<String, String> env = Map.of("HEROKU_API_KEY", "heroku-secret-key", "HEROKU_APP", app);

        if (valid) {
            assertEquals(Optional.of(app), LifeboatConfig.load(Env.of(env)).heroku().app());
        } else {
            ConfigException e = assertThrows(ConfigException.class, () -> LifeboatConfig.load(Env.of(env)));
            assertEquals(List.of("HEROKU_APP must be a Heroku app name (3 to 30 lowercase letters, digits and dashes,"
                    + " starting with a letter and not ending with a dash), got '" + app + "'"), e.problems());
        }
    }

    @Test
    void serveOverHttpRequiresTheSigningSecretAndTheBotToken() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(Map.of()));

        ConfigException e = assertThrows(ConfigException.class, config::requireSlackServe);

        assertEquals(2, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("SLACK_BOT_TOKEN is required to serve Slack"));
        assertTrue(e.problems().get(1).startsWith("SLACK_SIGNING_SECRET is required in HTTP mode"));
    }

    @Test
    void socketModeNeedsNoSigningSecret() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")));

        config.requireSlackServe();
        assertTrue(config.slack().socketMode());
    }

    @Test
    void describingTheConfigurationHidesEverySecret() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(full()));

        Map<String, String> shown = config.describe();
        String all = shown.toString() + config;

        for (String secret : List.of("xoxb-1111-secret-bot", "signing-secret-value", "xapp-1-secret-app",
                "heroku-secret-key", "netlify-secret-token", "aws-secret-access-key", "statuspage-secret",
                "db-secret-password", "secret-path", "secret-github-token")) {
            assertFalse(all.contains(secret), secret + " leaked");
        }
        assertEquals("****", shown.get("SLACK_BOT_TOKEN"));
        assertEquals("****", shown.get("DATABASE_URL"));
        assertEquals("acme-prod", shown.get("HEROKU_APP"));
        assertEquals("(not set)", LifeboatConfig.load(Env.of(Map.of())).describe().get("HEROKU_API_KEY"));
        assertEquals("****", shown.get("GITHUB_TOKEN"));
        assertEquals("acme/shop", shown.get("LIFEBOAT_GITHUB_REPO"));
        assertEquals("release/stable", shown.get("LIFEBOAT_STABLE_REF"));
    }

    @Test
    void theGitHubRepositoryIsOwnerSlashNameAndTheStableRefDefaultsToMain() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(full()));
        assertEquals(Optional.of("acme"), config.github().owner());
        assertEquals(Optional.of("shop"), config.github().name());
        assertEquals(URI.create("http://localhost:8/gh"), config.github().apiUrl());

        GitHubSettings defaults = LifeboatConfig.load(Env.of(Map.of("LIFEBOAT_GITHUB_REPO", "acme/shop.web"))).github();
        assertEquals("main", defaults.stableRef());
        assertEquals(URI.create("https://api.github.com"), defaults.apiUrl());
        assertTrue(defaults.configured());
        assertFalse(LifeboatConfig.load(Env.of(Map.of())).github().configured());

        ConfigException bad = assertThrows(ConfigException.class, () -> LifeboatConfig.load(Env.of(Map.of(
                "LIFEBOAT_GITHUB_REPO", "https://github.com/acme/shop"))));
        assertTrue(bad.getMessage().contains("LIFEBOAT_GITHUB_REPO must be owner/name, e.g. acme/shop"), bad.getMessage());
        ConfigException dots = assertThrows(ConfigException.class, () -> LifeboatConfig.load(Env.of(Map.of(
                "LIFEBOAT_GITHUB_REPO", "acme/.."))));
        assertTrue(dots.getMessage().contains("LIFEBOAT_GITHUB_REPO"), dots.getMessage());
        ConfigException tokenAlone = assertThrows(ConfigException.class, () -> LifeboatConfig.load(Env.of(Map.of(
                "GITHUB_TOKEN", "ghp_x"))));
        assertTrue(tokenAlone.getMessage().contains("LIFEBOAT_GITHUB_REPO is required when GITHUB_TOKEN is set"),
                tokenAlone.getMessage());
    }
}
