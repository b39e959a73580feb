package dev.lifeboat.demo;

import dev.lifeboat.config.Secret;
import dev.lifeboat.restore.DatabaseChecks;
import java.time.Duration;
import java.util.List;

/**
 * Validation against the demo world's databases, which exist only in the simulation: every check passes (the
 * simulated restore restored everything). No connection is made.
 */
final class DemoDatabaseChecks implements DatabaseChecks {
    @Override
    public List<Result> run(Secret databaseUrl, List<String> statements, Duration statementTimeout) {
        return statements.stream().map(sql -> new Result(sql, true, "returned true (simulated database)")).toList();
    }
}
