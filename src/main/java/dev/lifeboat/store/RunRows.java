package dev.lifeboat.store;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads whole runs: the {@code runs} rows a query picks, then their steps (in position order) and approvals (by
 * time, then as given) in one query each, on the same connection.
 */
final class RunRows {
    private static final String RUN_COLUMNS = "id, runbook, title, target, params, state, requested_by,"
            + " cancel_requested_by, created_at, started_at, finished_at, outcome, annotations";

    private final Jdbc jdbc;
    private final JsonMaps json;

    RunRows(Jdbc jdbc, JsonMaps json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The runs {@code tail} picks, in its order. {@code tail} is a constant of this package (a WHERE, ORDER BY and
     * LIMIT clause with {@code ?} placeholders); the values are bound.
     */
    List<Run> select(String tail, Object... args) {
        return jdbc.withConnection("read runs", c -> {
            List<Head> heads = heads(c, tail, args);
            if (heads.isEmpty()) {
                return List.of();
            }
            List<String> ids = heads.stream().map(Head::id).toList();
            Map<String, List<StepRecord>> steps = steps(c, ids);
            Map<String, List<String>> approvals = approvals(c, ids);
            return heads.stream().map(h -> h.run(approvals.getOrDefault(h.id(), List.of()),
                    steps.getOrDefault(h.id(), List.of()))).toList();
        });
    }

    private List<Head> heads(Connection c, String tail, Object... args) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, "SELECT " + RUN_COLUMNS + " FROM runs " + tail)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Head> heads = new ArrayList<>();
                while (rs.next()) {
                    heads.add(new Head(rs.getString("id"), rs.getString("runbook"), rs.getString("title"),
                            rs.getString("target"), RunParams.of(json.read(rs.getString("params"))),
                            RunState.valueOf(rs.getString("state")), rs.getString("requested_by"),
                            Optional.ofNullable(rs.getString("cancel_requested_by")),
                            Jdbc.time(rs, "created_at").orElseThrow(), Jdbc.time(rs, "started_at"),
                            Jdbc.time(rs, "finished_at"), rs.getString("outcome"),
                            json.read(rs.getString("annotations"))));
                }
                return heads;
            }
        }
    }

    private Map<String, List<StepRecord>> steps(Connection c, List<String> ids) throws SQLException {
        String sql = "SELECT run_id, step_id, title, state, detail, attempts, started_at, finished_at, records"
                + " FROM run_steps WHERE run_id IN (" + placeholders(ids.size()) + ") ORDER BY run_id, position, step_id";
        Map<String, List<StepRecord>> byRun = new HashMap<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql)) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byRun.computeIfAbsent(rs.getString("run_id"), k -> new ArrayList<>()).add(new StepRecord(
                            rs.getString("step_id"), rs.getString("title"), StepState.valueOf(rs.getString("state")),
                            rs.getString("detail"), rs.getInt("attempts"), Jdbc.time(rs, "started_at"),
                            Jdbc.time(rs, "finished_at"), json.read(rs.getString("records"))));
                }
            }
        }
        return byRun;
    }

    private static Map<String, List<String>> approvals(Connection c, List<String> ids) throws SQLException {
        String sql = "SELECT run_id, user_id FROM run_approvals WHERE run_id IN (" + placeholders(ids.size())
                + ") ORDER BY run_id, at, seq";
        Map<String, List<String>> byRun = new HashMap<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql)) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byRun.computeIfAbsent(rs.getString("run_id"), k -> new ArrayList<>()).add(rs.getString("user_id"));
                }
            }
        }
        return byRun;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
    }

    /** A {@code runs} row, before its steps and approvals are read. */
    private record Head(String id, String runbook, String title, String target, RunParams params, RunState state,
                        String requestedBy, Optional<String> cancelRequestedBy, Instant createdAt,
                        Optional<Instant> startedAt, Optional<Instant> finishedAt, String outcome,
                        Map<String, String> annotations) {
        Run run(List<String> approvedBy, List<StepRecord> steps) {
            return new Run(id, runbook, title, target, params, state, requestedBy, approvedBy, cancelRequestedBy,
                    createdAt, startedAt, finishedAt, outcome, annotations, steps);
        }
    }
}
