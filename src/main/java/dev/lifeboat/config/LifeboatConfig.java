package dev.lifeboat.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Every setting Lifeboat reads, typed and validated. Built once at start by {@link #load(Env)}. */
public record LifeboatConfig(
        SlackSettings slack,
        AccessSettings access,
        HerokuSettings heroku,
        NetlifySettings netlify,
        S3Settings s3,
        StatuspageSettings statuspage,
        GitHubSettings github,
        RuntimeSettings runtime,
        IncidentSettings incidents,
        ScheduleSettings schedule) {

    private static final Pattern OPERATOR_ID = Pattern.compile("[UWS][A-Z0-9]{2,}");
    /** Heroku's own pattern for an app name (Platform API schema, {@code app/name}); {@code PathId} uses it too. */
    private static final Pattern STATUSPAGE_COMPONENT_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern HEROKU_APP_NAME = Pattern.compile("[a-z][a-z0-9-]{1,28}[a-z0-9]");
    /** GitHub's {@code owner/name}: an account name, a slash, a repository name ({@code PathId} checks the same). */
    private static final Pattern GITHUB_REPO = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}");

    /**
     * Reads and validates every variable, throwing one {@link ConfigException} that lists all problems.
     */
    public static LifeboatConfig load(Env env) {
        EnvReader r = new EnvReader(env);

        SlackSettings slack = new SlackSettings(
                r.secret("SLACK_BOT_TOKEN", "xoxb-"),
                r.secret("SLACK_SIGNING_SECRET", null),
                r.secret("SLACK_APP_TOKEN", "xapp-"),
                withTrailingSlash(r.url("SLACK_API_URL", SlackSettings.DEFAULT_API_URL)),
                r.string("LIFEBOAT_INCIDENT_CHANNEL"));
        if (slack.appToken().isPresent() && slack.botToken().isEmpty()) {
            r.problem("SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN is set");
        }
        slack.incidentChannel().ifPresent(channel -> {
            if (!channel.matches("[CGD][A-Z0-9]{2,}")) {
                r.problem("LIFEBOAT_INCIDENT_CHANNEL must be a channel id like C0123ABCD (not a #name), got '" + channel + "'");
            }
        });

        List<String> operators = new ArrayList<>();
        for (String id : r.string("LIFEBOAT_OPERATORS", "").split("[,\\s]+")) {
            if (id.isBlank()) {
                continue;
            }
            if (OPERATOR_ID.matcher(id).matches()) {
                operators.add(id);
            } else {
                r.problem("LIFEBOAT_OPERATORS: '" + id + "' is not a Slack user id (U…/W…) or user-group id (S…)");
            }
        }
        AccessSettings access = new AccessSettings(operators, r.integer("LIFEBOAT_PRODUCTION_APPROVALS", 1, 1, 2));

        HerokuSettings heroku = new HerokuSettings(
                r.secret("HEROKU_API_KEY", null),
                r.string("HEROKU_APP"),
                r.string("HEROKU_STAGING_APP"),
                r.url("HEROKU_API_URL", HerokuSettings.DEFAULT_API_URL),
                r.url("HEROKU_DATA_API_URL", HerokuSettings.DEFAULT_DATA_API_URL),
                r.url("HEROKU_STATUS_URL", HerokuSettings.DEFAULT_STATUS_URL),
                r.url("APP_URL"),
                r.string("APP_HEALTH_PATH", "/"));
        r.together("HEROKU_API_KEY", heroku.apiKey(), "HEROKU_APP", heroku.app());
        for (Map.Entry<String, Optional<String>> app : Map.of(
                "HEROKU_APP", heroku.app(), "HEROKU_STAGING_APP", heroku.stagingApp()).entrySet()) {
            app.getValue().filter(name -> !HEROKU_APP_NAME.matcher(name).matches()).ifPresent(name -> r.problem(
                    app.getKey() + " must be a Heroku app name (3 to 30 lowercase letters, digits and dashes, starting"
                            + " with a letter and not ending with a dash), got '" + name + "'"));
        }
        heroku.stagingApp().filter(staging -> heroku.app().map(staging::equals).orElse(false)).ifPresent(same ->
                r.problem("HEROKU_STAGING_APP must differ from HEROKU_APP (both are '" + same + "')"));

        NetlifySettings netlify = new NetlifySettings(
                r.secret("NETLIFY_AUTH_TOKEN", null),
                r.string("NETLIFY_SITE_ID"),
                r.url("NETLIFY_API_URL", NetlifySettings.DEFAULT_API_URL),
                r.url("NETLIFY_STATUS_URL", NetlifySettings.DEFAULT_STATUS_URL),
                r.url("SITE_URL"));
        r.together("NETLIFY_AUTH_TOKEN", netlify.authToken(), "NETLIFY_SITE_ID", netlify.siteId());

        S3Settings s3 = new S3Settings(
                r.string("AWS_ACCESS_KEY_ID"),
                r.secret("AWS_SECRET_ACCESS_KEY", null),
                r.string("AWS_REGION"),
                r.url("AWS_ENDPOINT_URL_S3"),
                r.string("LIFEBOAT_BACKUP_BUCKET"),
                normalisePrefix(r.string("LIFEBOAT_BACKUP_PREFIX", S3Settings.DEFAULT_PREFIX)),
                r.integer("LIFEBOAT_BACKUP_RETENTION_DAYS", 30, 1, 3650),
                r.integer("LIFEBOAT_BACKUP_MAX_AGE_HOURS", 26, 1, 24 * 365));
        r.together("AWS_ACCESS_KEY_ID", s3.accessKeyId(), "AWS_SECRET_ACCESS_KEY", s3.secretAccessKey());

        StatuspageSettings statuspage = new StatuspageSettings(
                r.secret("STATUSPAGE_API_KEY", null),
                r.string("STATUSPAGE_PAGE_ID"),
                r.url("STATUSPAGE_API_URL", StatuspageSettings.DEFAULT_API_URL));
        r.together("STATUSPAGE_API_KEY", statuspage.apiKey(), "STATUSPAGE_PAGE_ID", statuspage.pageId());

        GitHubSettings github = new GitHubSettings(
                r.string("LIFEBOAT_GITHUB_REPO"),
                r.secret("GITHUB_TOKEN", null),
                r.string("LIFEBOAT_STABLE_REF", GitHubSettings.DEFAULT_STABLE_REF),
                r.url("GITHUB_API_URL", GitHubSettings.DEFAULT_API_URL));
        github.repo().filter(repo -> !GITHUB_REPO.matcher(repo).matches()).ifPresent(repo -> r.problem(
                "LIFEBOAT_GITHUB_REPO must be owner/name, e.g. acme/shop, got '" + repo + "'"));
        if (github.token().isPresent() && github.repo().isEmpty()) {
            r.problem("LIFEBOAT_GITHUB_REPO is required when GITHUB_TOKEN is set");
        }
        if (github.stableRef().isBlank()) {
            r.problem("LIFEBOAT_STABLE_REF must name a branch, tag or commit, e.g. main");
        }

        Optional<Secret> databaseUrl = r.secret("DATABASE_URL", null);
        databaseUrl.ifPresent(url -> {
            try {
                DatabaseUrl.parse(url.reveal());
            } catch (IllegalArgumentException e) {
                r.problem("DATABASE_URL " + e.getMessage());
            }
        });
        Optional<Secret> fallback = r.secret("LIFEBOAT_FALLBACK_WEBHOOK_URL", null);
        fallback.ifPresent(url -> {
            if (!url.reveal().startsWith("https://") && !url.reveal().startsWith("http://")) {
                r.problem("LIFEBOAT_FALLBACK_WEBHOOK_URL must be an http(s) URL (the value is not shown)");
            }
        });
        RuntimeSettings runtime = new RuntimeSettings(
                r.integer("PORT", 3000, 1, 65535),
                r.path("LIFEBOAT_DATA_DIR", "./lifeboat-data"),
                databaseUrl,
                r.string("LIFEBOAT_VALIDATION_SQL"),
                r.integer("LIFEBOAT_MONITOR_INTERVAL_SECONDS", 60, 10, 86_400),
                r.integer("LIFEBOAT_DOWN_AFTER_FAILURES", 3, 1, 100),
                r.bool("LIFEBOAT_AUTO_INCIDENT", false),
                fallback,
                r.string("LIFEBOAT_INSTANCE").or(() -> r.string("DYNO")).orElseGet(LifeboatConfig::hostName),
                r.string("DYNO"),
                r.string("LIFEBOAT_HOST_NOTE"));
        runtime.validationSql().ifPresent(sql -> ValidationSql.statements(sql).stream()
                .map(ValidationSql::problem).flatMap(Optional::stream).distinct().forEach(r::problem));

        String template = r.string("LIFEBOAT_INCIDENT_TEMPLATE", IncidentSettings.DEFAULT_TEMPLATE).strip();
        if (!template.contains(IncidentSettings.REASON)) {
            r.problem("LIFEBOAT_INCIDENT_TEMPLATE must contain " + IncidentSettings.REASON
                    + " where the incident's summary goes");
        } else if (template.length() > 1000) {
            r.problem("LIFEBOAT_INCIDENT_TEMPLATE is longer than 1000 characters");
        }
        List<String> components = new ArrayList<>();
        for (String id : r.string("STATUSPAGE_COMPONENT_IDS", "").split("[,\\s]+")) {
            if (id.isBlank()) {
                continue;
            }
            if (STATUSPAGE_COMPONENT_ID.matcher(id).matches()) {
                components.add(id);
            } else {
                r.problem("STATUSPAGE_COMPONENT_IDS: '" + id + "' is not a Statuspage component id (letters and digits,"
                        + " as in the component's API info)");
            }
        }
        IncidentSettings incidents = new IncidentSettings(template, components);
        ScheduleSettings schedule = ScheduleSettings.read(r);

        if (!r.problems().isEmpty()) {
            throw new ConfigException(r.problems());
        }
        return new LifeboatConfig(slack, access, heroku, netlify, s3, statuspage, github, runtime, incidents, schedule);
    }

    /** What serving Slack over HTTP additionally needs; throws with every missing variable. */
    public void requireSlackServe() {
        List<String> problems = new ArrayList<>();
        if (slack.botToken().isEmpty()) {
            problems.add("SLACK_BOT_TOKEN is required to serve Slack (the bot token, xoxb-…)");
        }
        if (!slack.socketMode() && slack.signingSecret().isEmpty()) {
            problems.add("SLACK_SIGNING_SECRET is required in HTTP mode (Slack app → Basic Information → Signing Secret); "
                    + "without it every request would be rejected. Or set SLACK_APP_TOKEN to use Socket Mode.");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** Variables Lifeboat reads outside this class: {@code LIFEBOAT_LOG_LEVEL} (by {@code logback.xml}). */
    public static final java.util.List<String> READ_ELSEWHERE = java.util.List.of("LIFEBOAT_LOG_LEVEL");

    /** Every variable Lifeboat reads: those {@link #describe()} lists and {@link #READ_ELSEWHERE}. */
    public static java.util.Set<String> variables() {
        java.util.Set<String> all = new java.util.TreeSet<>(load(Env.of(Map.of())).describe().keySet());
        all.addAll(READ_ELSEWHERE);
        return all;
    }

    /**
     * Every setting as {@code NAME=value} lines, for {@code ./lifeboat config}: secrets shown as {@code ****}, and
     * every value, whatever its variable, through {@link Redact#text}, so a password in a URL's user info or query
     * ({@code https://ops:…@host}) is hidden here exactly as in {@code status}, the logs and errors.
     */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("SLACK_BOT_TOKEN", show(slack.botToken()));
        out.put("SLACK_SIGNING_SECRET", show(slack.signingSecret()));
        out.put("SLACK_APP_TOKEN", show(slack.appToken()));
        out.put("SLACK_API_URL", slack.apiUrl().toString());
        out.put("LIFEBOAT_INCIDENT_CHANNEL", show(slack.incidentChannel()));
        out.put("LIFEBOAT_OPERATORS", access.operators().isEmpty() ? "(nobody)" : String.join(",", access.operators()));
        out.put("LIFEBOAT_PRODUCTION_APPROVALS", Integer.toString(access.productionApprovals()));
        out.put("PORT", Integer.toString(runtime.port()));
        out.put("HEROKU_API_KEY", show(heroku.apiKey()));
        out.put("HEROKU_APP", show(heroku.app()));
        out.put("HEROKU_STAGING_APP", show(heroku.stagingApp()));
        out.put("HEROKU_API_URL", heroku.apiUrl().toString());
        out.put("HEROKU_DATA_API_URL", heroku.dataApiUrl().toString());
        out.put("HEROKU_STATUS_URL", heroku.statusUrl().toString());
        out.put("APP_URL", show(heroku.appUrl()));
        out.put("APP_HEALTH_PATH", heroku.appHealthPath());
        out.put("NETLIFY_AUTH_TOKEN", show(netlify.authToken()));
        out.put("NETLIFY_SITE_ID", show(netlify.siteId()));
        out.put("NETLIFY_API_URL", netlify.apiUrl().toString());
        out.put("NETLIFY_STATUS_URL", netlify.statusUrl().toString());
        out.put("SITE_URL", show(netlify.siteUrl()));
        out.put("AWS_ACCESS_KEY_ID", show(s3.accessKeyId()));
        out.put("AWS_SECRET_ACCESS_KEY", show(s3.secretAccessKey()));
        out.put("AWS_REGION", show(s3.region()));
        out.put("AWS_ENDPOINT_URL_S3", show(s3.endpoint()));
        out.put("LIFEBOAT_BACKUP_BUCKET", show(s3.bucket()));
        out.put("LIFEBOAT_BACKUP_PREFIX", s3.prefix());
        out.put("LIFEBOAT_BACKUP_RETENTION_DAYS", Integer.toString(s3.retentionDays()));
        out.put("LIFEBOAT_BACKUP_MAX_AGE_HOURS", Integer.toString(s3.maxAgeHours()));
        out.put("STATUSPAGE_API_KEY", show(statuspage.apiKey()));
        out.put("STATUSPAGE_PAGE_ID", show(statuspage.pageId()));
        out.put("STATUSPAGE_API_URL", statuspage.apiUrl().toString());
        out.put("STATUSPAGE_COMPONENT_IDS", incidents.componentIds().isEmpty() ? "(not set)"
                : String.join(",", incidents.componentIds()));
        out.put("LIFEBOAT_INCIDENT_TEMPLATE", incidents.template());
        out.put("LIFEBOAT_GITHUB_REPO", show(github.repo()));
        out.put("GITHUB_TOKEN", show(github.token()));
        out.put("LIFEBOAT_STABLE_REF", github.stableRef());
        out.put("GITHUB_API_URL", github.apiUrl().toString());
        out.put("LIFEBOAT_VALIDATION_SQL", show(runtime.validationSql()));
        out.put("LIFEBOAT_MONITOR_INTERVAL_SECONDS", Integer.toString(runtime.monitorIntervalSeconds()));
        out.put("LIFEBOAT_DOWN_AFTER_FAILURES", Integer.toString(runtime.downAfterFailures()));
        out.put("LIFEBOAT_AUTO_INCIDENT", Boolean.toString(runtime.autoIncident()));
        out.put("LIFEBOAT_FALLBACK_WEBHOOK_URL", show(runtime.fallbackWebhookUrl()));
        out.put(ScheduleSettings.DAILY, schedule.dailyText());
        out.put(ScheduleSettings.WEEKLY, schedule.weeklyText());
        out.put(ScheduleSettings.MONTHLY, schedule.monthlyText());
        out.put("DATABASE_URL", show(runtime.databaseUrl()));
        out.put("LIFEBOAT_DATA_DIR", runtime.dataDir().toString());
        out.put("LIFEBOAT_INSTANCE", runtime.instance());
        out.put("LIFEBOAT_HOST_NOTE", show(runtime.hostNote()));
        out.replaceAll((name, value) -> Redact.text(value));
        return out;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "lifeboat";
        }
    }

    private static String show(Optional<?> value) {
        return value.map(Object::toString).orElse("(not set)");
    }

    private static java.net.URI withTrailingSlash(java.net.URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : java.net.URI.create(text + "/");
    }

    private static String normalisePrefix(String prefix) {
        String trimmed = prefix.replaceAll("^/+", "");
        return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }
}
