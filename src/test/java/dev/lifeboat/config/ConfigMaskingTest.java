package dev.lifeboat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ./lifeboat config} never prints a password, whatever the variable: every documented variable is set, in
 * turn, to a value carrying a password (inside a URL's user info or query where the variable takes any text, or as
 * the whole value of a secret), and its line must hide it exactly as {@code status} and the logs do.
 */
class ConfigMaskingTest {
    static final String PASSWORD = "Pa55w0rd-XYZZY";
    static final String IN_URL = "https://ops:" + PASSWORD + "@app.example.com/up?sig=" + PASSWORD;
    static final String MASKED_URL = "https://****@app.example.com/up?…";

    /** Documented in docs/setup.md but read by the logging setup (logback.xml), not by LifeboatConfig. */
    static final Set<String> NOT_IN_CONFIG = Set.of("LIFEBOAT_LOG_LEVEL");

    static Stream<Arguments> everyVariable() {
        return Stream.of(
                // Secrets: the whole value is hidden.
                row("SLACK_BOT_TOKEN", "xoxb-1-" + PASSWORD, "****"),
                row("SLACK_SIGNING_SECRET", PASSWORD, "****"),
                row("SLACK_APP_TOKEN", "xapp-1-" + PASSWORD, "****"),
                row("HEROKU_API_KEY", PASSWORD, "****"),
                row("NETLIFY_AUTH_TOKEN", PASSWORD, "****"),
                row("AWS_SECRET_ACCESS_KEY", PASSWORD, "****"),
                row("STATUSPAGE_API_KEY", PASSWORD, "****"),
                row("DATABASE_URL", "postgres://lb:" + PASSWORD + "@db.example.com:5432/lifeboat", "****"),
                row("LIFEBOAT_FALLBACK_WEBHOOK_URL", "https://hooks.example.com/" + PASSWORD, "****"),
                // URL-valued: user info and query string hidden, the rest shown.
                row("SLACK_API_URL", "https://ops:" + PASSWORD + "@slack.example.com/api/",
                        "https://****@slack.example.com/api/"),
                row("HEROKU_API_URL", IN_URL, MASKED_URL),
                row("HEROKU_DATA_API_URL", IN_URL, MASKED_URL),
                row("HEROKU_STATUS_URL", IN_URL, MASKED_URL),
                row("APP_URL", IN_URL, MASKED_URL),
                row("NETLIFY_API_URL", IN_URL, MASKED_URL),
                row("NETLIFY_STATUS_URL", IN_URL, MASKED_URL),
                row("SITE_URL", IN_URL, MASKED_URL),
                row("AWS_ENDPOINT_URL_S3", IN_URL, MASKED_URL),
                row("STATUSPAGE_API_URL", IN_URL, MASKED_URL),
                // Free text: a URL (or a secret-looking label) in it is hidden all the same, whatever the name.
                row("APP_HEALTH_PATH", "/up?token=" + PASSWORD, "/up?token=****"),
                row("NETLIFY_SITE_ID", IN_URL, MASKED_URL),
                row("STATUSPAGE_PAGE_ID", "password=" + PASSWORD, "password=****"),
                row("AWS_ACCESS_KEY_ID", "AKIA" + "ABCDEFGHIJKLMNOP", "****"),
                row("AWS_REGION", IN_URL, MASKED_URL),
                row("LIFEBOAT_BACKUP_BUCKET", IN_URL, MASKED_URL),
                row("LIFEBOAT_BACKUP_PREFIX", IN_URL, MASKED_URL),
                row("LIFEBOAT_VALIDATION_SQL", "SELECT 'https://ops:" + PASSWORD + "@x.example.com/' <> ''",
                        "SELECT 'https://****@x.example.com/' <> ''"),
                row("LIFEBOAT_DATA_DIR", "/srv/password=" + PASSWORD, "/srv/password=****"),
                // Names and numbers: their own shape leaves no room for a password; shown as they are.
                row("LIFEBOAT_HOST_NOTE", "ops VM " + IN_URL, "ops VM " + MASKED_URL),
                row("LIFEBOAT_INCIDENT_TEMPLATE", "Down due to {reason}. " + IN_URL, "Down due to {reason}. " + MASKED_URL),
                row("LIFEBOAT_INSTANCE", "web.1", "web.1"),
                row("GITHUB_TOKEN", "ghp_" + PASSWORD, "****"),
                row("GITHUB_API_URL", IN_URL, MASKED_URL),
                row("LIFEBOAT_GITHUB_REPO", "acme/shop", "acme/shop"),
                row("LIFEBOAT_STABLE_REF", "main", "main"),
                row("LIFEBOAT_SCHEDULE_DAILY", "03:30", "03:30"),
                row("LIFEBOAT_SCHEDULE_WEEKLY", "mon 09:00", "mon 09:00"),
                row("LIFEBOAT_SCHEDULE_MONTHLY", "1 04:00", "1 04:00"),
                row("STATUSPAGE_COMPONENT_IDS", "8kbf7d35c070", "8kbf7d35c070"),
                row("HEROKU_APP", "acme-prod", "acme-prod"),
                row("HEROKU_STAGING_APP", "acme-staging", "acme-staging"),
                row("LIFEBOAT_INCIDENT_CHANNEL", "C0INCIDENT", "C0INCIDENT"),
                row("LIFEBOAT_OPERATORS", "U0AAA S0BBB", "U0AAA,S0BBB"),
                row("LIFEBOAT_PRODUCTION_APPROVALS", "2", "2"),
                row("PORT", "8080", "8080"),
                row("LIFEBOAT_BACKUP_RETENTION_DAYS", "45", "45"),
                row("LIFEBOAT_BACKUP_MAX_AGE_HOURS", "30", "30"),
                row("LIFEBOAT_MONITOR_INTERVAL_SECONDS", "30", "30"),
                row("LIFEBOAT_DOWN_AFTER_FAILURES", "5", "5"),
                row("LIFEBOAT_AUTO_INCIDENT", "true", "true"));
    }

    static Arguments row(String variable, String value, String shown) {
        return Arguments.of(variable, value, shown);
    }

    @ParameterizedTest(name = "{0}={1} is shown as {2}")
    @MethodSource("everyVariable")
    void configHidesThePassword(String variable, String value, String shown) {
        Map<String, String> env = LifeboatConfigTest.full();
        env.put(variable, value);

        Map<String, String> described = LifeboatConfig.load(Env.of(env)).describe();

        assertEquals(shown, described.get(variable));
        described.forEach((name, line) -> assertFalse(line.contains(PASSWORD), name + "=" + line));
    }

    @Test
    void theTableCoversEveryVariableConfigPrintsAndEveryDocumentedOne() throws IOException {
        Set<String> table = everyVariable().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> printed = new TreeSet<>(LifeboatConfig.load(Env.of(Map.of())).describe().keySet());
        Set<String> documented = documentedVariables();
        documented.removeAll(NOT_IN_CONFIG);

        assertEquals(printed, table, "every variable `config` prints has a row");
        assertEquals(documented, printed, "docs/setup.md documents exactly what `config` prints");
    }

    /** The variables named in the first column of docs/setup.md's configuration table. */
    static Set<String> documentedVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern name = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("docs/setup.md"))) {
            if (line.startsWith("| variable |")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (inTable) {
                String first = line.split("\\|")[1];
                Matcher m = name.matcher(first);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
