package dev.lifeboat.monitor;

import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.status.Fetched;
import dev.lifeboat.status.StatusFacts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one status round says about each watched service, as the monitor counts it. Pure. Only what was observed
 * counts: a check that timed out, was rate limited or failed for Lifeboat's own reasons is {@code UNKNOWN}, and so is
 * a probe that got no answer at all while nothing else answered either (then Lifeboat's own network is the likelier
 * culprit). The rules follow {@code status}: the app is down when its health check answers with an error or not at
 * all, or (the health check having no answer of its own) when no web dyno is up; a platform's incident alone is never
 * a failure of ours.
 */
public final class Observations {
    private Observations() {
    }

    public static Map<Service, Observation> read(StatusFacts facts) {
        return Map.of(Service.APP, app(facts), Service.SITE, site(facts));
    }

    static Observation app(StatusFacts f) {
        Fetched<ProbeResult> probe = f.appProbe();
        if (probe.ok()) {
            return probed("Health check", probe.value().orElseThrow(), f, f.siteProbe());
        }
        if (f.dynos().ok()) {
            List<Dyno> web = f.dynos().value().orElseThrow().stream().filter(d -> "web".equals(d.type())).toList();
            long up = web.stream().filter(Observations::running).count();
            if (!web.isEmpty() && up == 0) {
                return Observation.failure("No web dyno is up (" + states(web) + ")"
                        + (probe.gap() == Fetched.Gap.NOT_CONFIGURED ? "" : "; health check: " + probe.why()));
            }
            if (probe.gap() == Fetched.Gap.NOT_CONFIGURED && up > 0) {
                return Observation.success(up + "/" + web.size() + " web dynos up (no health check configured)");
            }
        }
        if (probe.gap() == Fetched.Gap.NOT_CONFIGURED && f.dynos().gap() == Fetched.Gap.NOT_CONFIGURED) {
            return Observation.notMonitored("not configured (set APP_URL, or HEROKU_API_KEY and HEROKU_APP)");
        }
        return Observation.unknown("Health check: " + probe.why()
                + (f.dynos().ok() ? "" : "; dynos: " + f.dynos().why()));
    }

    static Observation site(StatusFacts f) {
        Fetched<ProbeResult> probe = f.siteProbe();
        if (probe.ok()) {
            return probed("Site check", probe.value().orElseThrow(), f, f.appProbe());
        }
        if (probe.gap() == Fetched.Gap.NOT_CONFIGURED) {
            return Observation.notMonitored(probe.why());
        }
        return Observation.unknown("Site check: " + probe.why());
    }

    private static Observation probed(String name, ProbeResult result, StatusFacts f, Fetched<ProbeResult> other) {
        String what = name + " " + escape(result.url().toString()) + " → " + escape(result.describe());
        if (result.up()) {
            return Observation.success(what);
        }
        if (noAnswer(result) && nothingElseAnswered(f, other)) {
            return Observation.unknown(what + "; nothing else answered this round either, so Lifeboat's own network"
                    + " may be the trouble");
        }
        return Observation.failure(what);
    }

    /** Got no HTTP answer at all: the name did not resolve, the connection failed, or it timed out. */
    private static boolean noAnswer(ProbeResult result) {
        return result.outcome() == ProbeResult.Outcome.DNS_FAILURE
                || result.outcome() == ProbeResult.Outcome.CONNECT_FAILURE
                || result.outcome() == ProbeResult.Outcome.TIMEOUT;
    }

    /** No upstream that was asked answered this round (and at least one was asked): Lifeboat itself may be cut off. */
    private static boolean nothingElseAnswered(StatusFacts f, Fetched<ProbeResult> other) {
        List<Fetched<?>> asked = List.of(f.app(), f.dynos(), f.releases(), f.addon(), f.transfers(), f.schedules(),
                f.copies(), f.site(), f.deploys(), f.herokuStatus(), f.netlifyStatus());
        boolean anyAsked = asked.stream().anyMatch(x -> x.gap() != Fetched.Gap.NOT_CONFIGURED);
        boolean answered = asked.stream().anyMatch(Fetched::ok)
                || other.value().map(r -> r.outcome() == ProbeResult.Outcome.UP
                        || r.outcome() == ProbeResult.Outcome.HTTP_ERROR).orElse(false);
        return anyAsked && !answered;
    }

    private static boolean running(Dyno d) {
        return d.state() == DynoState.UP || d.state() == DynoState.IDLE;
    }

    private static String states(List<Dyno> dynos) {
        Map<String, Long> byState = dynos.stream().collect(Collectors.groupingBy(
                d -> d.state().name().toLowerCase(Locale.ROOT), TreeMap::new, Collectors.counting()));
        return byState.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
