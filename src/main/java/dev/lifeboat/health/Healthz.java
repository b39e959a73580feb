package dev.lifeboat.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /healthz} answers, from each part's state ({@link HealthPart}) and the problems parts reported on
 * the {@link HealthBoard}:
 * <ul>
 *   <li>200 {@code ok}: every part does its job;</li>
 *   <li>200 {@code degraded}: Lifeboat does its job, but a part wants a look (e.g. audit entries set aside);</li>
 *   <li>503 {@code starting}: a part cannot do its job and Lifeboat has not yet served since start (Slack not yet reached);</li>
 *   <li>503 {@code not_ready}: a part cannot do its job (the store unreachable, Socket Mode disconnected, audit writes
 *       failing); {@code failing} names it.</li>
 * </ul>
 *
 * @param status  {@code ok}, {@code degraded}, {@code starting} or {@code not_ready}
 * @param code    the HTTP status: 200 or 503
 * @param parts   every part's state, by name, in the order asked
 * @param failing the parts that stop Lifeboat doing its job
 */
public record Healthz(String status, int code, Map<String, PartHealth> parts, List<String> failing) {
    /**
     * Asks every part (in order), then adds the board's problems: a problem of a part that was asked counts when it
     * is worse than the part's own answer; a problem of any other component is shown as a part of its own.
     */
    public static Healthz of(List<HealthPart> asked, HealthBoard board, boolean everReady) {
        Map<String, PartHealth> parts = new LinkedHashMap<>();
        for (HealthPart part : asked) {
            parts.put(part.name(), part.check());
        }
        board.problems().forEach((component, problem) -> {
            PartHealth reported = new PartHealth(problem.severity() == HealthBoard.Severity.NOT_READY
                    ? PartHealth.Level.DOWN : PartHealth.Level.DEGRADED, problem.state(), Map.of());
            PartHealth own = parts.get(component);
            if (own == null || reported.level().compareTo(own.level()) > 0) {
                parts.put(component, own == null ? reported
                        : new PartHealth(reported.level(), reported.state(), own.figures()));
            }
        });
        List<String> failing = new ArrayList<>();
        boolean degraded = false;
        for (Map.Entry<String, PartHealth> part : parts.entrySet()) {
            failing.addAll(part.getValue().level() == PartHealth.Level.DOWN ? List.of(part.getKey()) : List.of());
            degraded |= part.getValue().level() == PartHealth.Level.DEGRADED;
        }
        if (!failing.isEmpty()) {
            return new Healthz(everReady ? "not_ready" : "starting", 503, parts, failing);
        }
        return new Healthz(degraded ? "degraded" : "ok", 200, parts, List.of());
    }
}
