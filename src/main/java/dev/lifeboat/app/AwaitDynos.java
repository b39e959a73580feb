package dev.lifeboat.app;

import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Waits until the restarted dynos are {@code up} again; at the end of its time, says which are not, with their state.
 * The first look is one poll after the restart: Heroku may show a dyno as {@code up} for a moment before it stops.
 * Only reads, so a resumed run simply looks again.
 */
final class AwaitDynos extends NamedStep {
    static final String ID = "dynos-up";

    private final AppParts parts;
    private final String app;
    private final DynoScope scope;

    AwaitDynos(AppParts parts, String app, DynoScope scope) {
        super(ID, "Wait until " + scope.of(app) + (scope.kind() == DynoScope.Kind.DYNO ? " is" : " are") + " up",
                parts.timings.dynosTimeout().plus(parts.timings.dynoPoll()).plus(parts.timings.callTimeout()));
        this.parts = parts;
        this.app = app;
        this.scope = scope;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        Instant until = context.now().plus(parts.timings.dynosTimeout());
        while (true) {
            context.sleep(parts.timings.dynoPoll());
            List<Dyno> dynos;
            try {
                dynos = parts.heroku().dynos(app).stream().filter(scope::matches).toList();
            } catch (UpstreamException e) {
                return Failures.of(e, "reading " + app + "'s dynos");
            }
            List<Dyno> notUp = dynos.stream().filter(d -> d.state() != DynoState.UP).toList();
            if (!dynos.isEmpty() && notUp.isEmpty()) {
                return StepOutcome.succeeded(dynos.size() == 1 ? dynos.get(0).name() + " up"
                        : "all " + dynos.size() + " up: " + names(dynos));
            }
            if (!context.now().isBefore(until)) {
                if (dynos.isEmpty()) {
                    return StepOutcome.failed("Heroku lists no " + (scope.kind() == DynoScope.Kind.ALL ? "dynos"
                            : scope.name().orElseThrow() + " dyno") + " for " + app + " after the restart (tried for "
                            + Durations.words(parts.timings.dynosTimeout()) + "): is the formation scaled to 0?");
                }
                return StepOutcome.failed("Not up after " + Durations.words(parts.timings.dynosTimeout()) + ": "
                        + states(notUp) + (notUp.size() < dynos.size() ? " (up: " + names(dynos.stream()
                        .filter(d -> d.state() == DynoState.UP).toList()) + ")" : "") + ".");
            }
            context.progress(dynos.isEmpty() ? "no dynos listed yet" : "waiting: " + states(dynos));
        }
    }

    private static String names(List<Dyno> dynos) {
        return dynos.stream().map(Dyno::name).collect(Collectors.joining(", "));
    }

    /** "web.1 crashed, web.2 starting". */
    static String states(List<Dyno> dynos) {
        return dynos.stream().map(d -> d.name() + " " + d.state().wire()).collect(Collectors.joining(", "));
    }
}
