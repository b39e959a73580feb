package dev.lifeboat.restore;

import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunParams;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one restore does, as the run's parameters hold it (plain strings, never a secret), so a run resumed after a
 * restart rebuilds the same steps.
 *
 * @param target    production or staging
 * @param app       the app whose database is replaced
 * @param origin    the app whose Heroku backups are named ({@code HEROKU_APP})
 * @param source    what is read
 * @param dataAsOf  when the data in the source was taken, when known: what is lost is everything written since
 */
record RestorePlan(Target target, String app, String origin, Source source, Optional<Instant> dataAsOf) {
    static final String TARGET = "target";
    static final String APP = "app";
    static final String ORIGIN = "origin";
    static final String SOURCE = "source";
    static final String KIND = "source-kind";
    static final String URL = "url";
    static final String AS_OF = "data-as-of";
    /** The word the requester must type to confirm (read by {@code confirm}). */
    static final String TYPED = dev.lifeboat.runs.ConfirmCommand.TYPED;
    static final String OFFSITE = "offsite";
    static final String OFFSITE_AS_OF = "offsite-as-of";

    /** Where a restore goes. */
    enum Target {
        PRODUCTION, STAGING;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the run holds while it runs: one run at a time per database. */
    String lockTarget() {
        return lockTarget(app);
    }

    static String lockTarget(String app) {
        return "postgres:" + app;
    }

    boolean production() {
        return target == Target.PRODUCTION;
    }

    /** e.g. "Restore b012 into acme-prod (production)". */
    String title() {
        return "Restore " + source.label() + " into " + app + " (" + target.word() + ")";
    }

    /** The run's parameters; {@code approvals} only for production (staging never waits for a second operator). */
    Map<String, String> toParams(int approvals) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(TARGET, target.word());
        p.put(APP, app);
        p.put(ORIGIN, origin);
        putSource(p, source, SOURCE, KIND);
        dataAsOf.ifPresent(at -> p.put(AS_OF, at.toString()));
        if (production()) {
            p.put(RunEngine.APPROVALS, Integer.toString(approvals));
            p.put(TYPED, app);
        }
        return p;
    }

    static void putSource(Map<String, String> p, Source source, String sourceKey, String kindKey) {
        if (source instanceof Source.HerokuBackup b) {
            p.put(kindKey, "backup");
            p.put(sourceKey, b.name());
        } else if (source instanceof Source.Offsite o) {
            p.put(kindKey, "s3");
            p.put(sourceKey, o.key());
        } else if (source instanceof Source.Url u) {
            p.put(kindKey, "url");
            p.put(sourceKey, u.shown());
            u.kept().ifPresent(url -> p.put(URL, url.toString()));
        }
    }

    static RestorePlan from(RunParams params) {
        Target target = Target.valueOf(params.require(TARGET).toUpperCase(Locale.ROOT));
        Source source = switch (params.require(KIND)) {
            case "backup" -> new Source.HerokuBackup(params.require(SOURCE));
            case "s3" -> new Source.Offsite(params.require(SOURCE));
            case "url" -> new Source.Url(params.require(SOURCE), params.get(URL).map(URI::create));
            default -> throw new IllegalStateException("unknown source kind " + params.require(KIND));
        };
        return new RestorePlan(target, params.require(APP), params.require(ORIGIN), source,
                params.get(AS_OF).map(Instant::parse));
    }
}
