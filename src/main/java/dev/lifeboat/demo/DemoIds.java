package dev.lifeboat.demo;

import dev.lifeboat.config.HerokuSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Stable ids shared by the simulated Heroku and the simulated backups API, so the two agree without talking. */
final class DemoIds {
    /** The simulated app when no HEROKU_APP is configured. */
    static final String DEFAULT_APP = "lifeboat-demo";

    private DemoIds() {
    }

    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String appId(String app) {
        return uuid("app:" + app);
    }

    static String addonId(String app) {
        return uuid("postgres-addon:" + app);
    }

    static String addonName(String app) {
        return "postgresql-" + (Math.abs(app.hashCode()) % 90_000 + 10_000) + "-demo";
    }

    /** The apps to simulate: the configured production app (or {@value #DEFAULT_APP}) and the staging app. */
    static List<String> appNames(HerokuSettings settings) {
        List<String> names = new ArrayList<>();
        names.add(settings.app().orElse(DEFAULT_APP).toLowerCase(Locale.ROOT));
        settings.stagingApp().map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> !names.contains(name)).ifPresent(names::add);
        return names;
    }
}
