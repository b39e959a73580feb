package dev.lifeboat.status;

import static dev.lifeboat.status.Mrkdwn.cut;
import static dev.lifeboat.status.Mrkdwn.escape;
import static dev.lifeboat.status.Mrkdwn.link;

import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.heroku.HerokuApp;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.heroku.Releases;
import dev.lifeboat.probe.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The app on Heroku: maintenance, dynos by type, the current release and the health check. */
final class AppSection {
    /** A release younger than this is "recent" in the diagnosis. */
    static final Duration RECENT_RELEASE = Duration.ofHours(2);
    /** A probe answering slower than this is a warning. */
    static final Duration SLOW = Duration.ofMillis(2_000);

    private AppSection() {
    }

    static Section build(StatusFacts f, Signals s) {
        SectionBuilder section = new SectionBuilder("App", f.herokuApp());
        if (f.app().ok()) {
            HerokuApp app = f.app().value().orElseThrow();
            if (app.maintenance()) {
                s.maintenance = true;
                section.add(Health.WARNING, ":construction: *Maintenance mode is on*: Heroku answers 503 to every visitor");
            } else {
                section.add(Health.OK, "Maintenance mode off");
            }
        } else {
            section.gap("Heroku app", f.app(), s);
        }
        if (f.dynos().ok()) {
            dynos(f.dynos().value().orElseThrow(), answers(f.appProbe()), section, s);
        } else {
            section.gap("Dynos", f.dynos(), s);
        }
        if (f.releases().ok()) {
            Optional<Release> current = Releases.current(f.releases().value().orElseThrow());
            s.currentRelease = current;
            current.ifPresent(r -> {
                if (r.createdAt() != null && Duration.between(r.createdAt(), f.asOf()).compareTo(RECENT_RELEASE) < 0) {
                    s.recentRelease = Optional.of(r);
                }
                section.add(Health.OK, "Release *" + r.label() + "* " + Ages.ago(f.asOf(), r.createdAt()) + " by "
                        + r.userEmail() + " — " + escape(cut(r.description() == null ? "" : r.description(), 120)));
            });
        } else {
            section.gap("Releases", f.releases(), s);
        }
        if (f.appProbe().ok()) {
            ProbeResult probe = f.appProbe().value().orElseThrow();
            s.appDown = !probe.up();
            s.appUp = probe.up();
            if (probe.up() && probe.latency().compareTo(SLOW) > 0) {
                s.appSlow = Optional.of(probe.latency());
            }
            section.add(probeHealth(probe), "Health check " + link(probe.url().toString()) + " → " + probe.describe());
        } else {
            section.gap("Health check", f.appProbe(), s);
        }
        return section.build();
    }

    /** Whether the probe observed the app answering normally. */
    private static boolean answers(Fetched<ProbeResult> probe) {
        return probe.value().map(ProbeResult::up).orElse(false);
    }

    static Health probeHealth(ProbeResult probe) {
        if (!probe.up()) {
            return Health.DOWN;
        }
        return probe.latency().compareTo(SLOW) > 0 ? Health.WARNING : Health.OK;
    }

    /**
     * Dynos by process type. No web dyno up is down, unless the health check saw the app answer (then the dyno list
     * and the app disagree, which is worth a warning, not a "Down"). No dynos at all is a warning: eco dynos asleep
     * are listed as none.
     */
    private static void dynos(List<Dyno> dynos, boolean appAnswers, SectionBuilder section, Signals s) {
        if (dynos.isEmpty()) {
            s.noDynos = true;
            section.add(Health.WARNING, "Dynos: none running (scaled to zero, or eco dynos asleep?)");
            return;
        }
        Map<String, List<Dyno>> byType = dynos.stream().collect(Collectors.groupingBy(Dyno::type,
                LinkedHashMap::new, Collectors.toList()));
        List<String> lines = new ArrayList<>();
        Health worst = Health.OK;
        for (Map.Entry<String, List<Dyno>> type : byType.entrySet()) {
            List<Dyno> list = type.getValue();
            long up = list.stream().filter(AppSection::running).count();
            long crashed = list.stream().filter(d -> d.state() == DynoState.CRASHED).count();
            String others = list.stream().filter(d -> !running(d))
                    .collect(Collectors.groupingBy(d -> d.state().name().toLowerCase(Locale.ROOT),
                            TreeMap::new, Collectors.counting()))
                    .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
            lines.add("`" + type.getKey() + "` " + up + "/" + list.size() + " up" + (others.isEmpty() ? "" : " (" + others + ")"));
            if (crashed > 0) {
                s.someDynosCrashed = true;
                worst = worse(worst, Health.WARNING);
            }
            if (type.getKey().equals("web") && up == 0) {
                s.allWebCrashed = crashed > 0;
                worst = worse(worst, appAnswers ? Health.WARNING : Health.DOWN);
            }
        }
        section.add(worst, "Dynos: " + String.join(", ", lines));
    }

    private static boolean running(Dyno d) {
        return d.state() == DynoState.UP || d.state() == DynoState.IDLE;
    }

    private static Health worse(Health a, Health b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
