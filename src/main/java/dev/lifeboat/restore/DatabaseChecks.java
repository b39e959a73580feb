package dev.lifeboat.restore;

import dev.lifeboat.config.Secret;
import java.time.Duration;
import java.util.List;

/**
 * Runs the validation statements ({@code LIFEBOAT_VALIDATION_SQL}) against a restored database, read-only, each
 * within a statement timeout. The real one speaks JDBC; the demo world answers for its simulated databases.
 */
public interface DatabaseChecks {
    /** How one statement came out: {@code detail} says what it returned, or why it failed, for a person. */
    record Result(String statement, boolean passed, String detail) {
    }

    /** The database could not be reached at all (as opposed to a check that ran and failed). */
    final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unreachable(String message) {
            super(message);
        }
    }

    /**
     * Runs every statement, each in its own read-only transaction, and says how each came out.
     *
     * @param databaseUrl the target app's {@code DATABASE_URL}; never shown or logged
     * @throws Unreachable when no connection could be made
     */
    List<Result> run(Secret databaseUrl, List<String> statements, Duration statementTimeout);
}
