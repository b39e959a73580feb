package dev.lifeboat.restore;

import dev.lifeboat.config.DatabaseUrl;
import dev.lifeboat.config.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Validation over JDBC: one connection to the restored database; each statement in its own transaction, read-only
 * ({@code SET TRANSACTION READ ONLY}: a statement that writes fails) with {@code statement_timeout}; rolled back.
 * A statement passes when its first row's first column is true or a non-zero number.
 */
final class JdbcDatabaseChecks implements DatabaseChecks {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public List<Result> run(Secret databaseUrl, List<String> statements, Duration statementTimeout) {
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(databaseUrl.reveal());
        } catch (IllegalArgumentException e) {
            throw new Unreachable("the app's DATABASE_URL " + e.getMessage());
        }
        Properties props = new Properties();
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password().reveal());
        }
        props.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        props.setProperty("socketTimeout", Long.toString(statementTimeout.plusSeconds(10).toSeconds()));
        props.setProperty("ApplicationName", "lifeboat-validation");
        props.setProperty("readOnly", "true");
        try (Connection connection = connect(url.jdbcUrl(), props)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            List<Result> results = new ArrayList<>();
            for (String sql : statements) {
                results.add(check(connection, sql, statementTimeout));
            }
            return results;
        } catch (SQLException e) {
            throw new Unreachable("the connection to the database broke (SQLState " + e.getSQLState() + ")");
        }
    }

    private static Connection connect(String jdbcUrl, Properties props) {
        try {
            return DriverManager.getConnection(jdbcUrl, props);
        } catch (SQLException e) {
            // The driver's message may name the host and user: only the SQLState goes out.
            throw new Unreachable("could not connect to the database (SQLState " + e.getSQLState() + ")");
        }
    }

    private static Result check(Connection connection, String sql, Duration timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION READ ONLY");
            statement.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
            statement.setQueryTimeout((int) Math.max(1, timeout.plusSeconds(5).toSeconds()));
            if (!statement.execute(sql)) {
                return new Result(sql, false, "returned no rows (it must be a SELECT)");
            }
            try (ResultSet rows = statement.getResultSet()) {
                if (!rows.next()) {
                    return new Result(sql, false, "returned no rows");
                }
                return judge(sql, rows.getObject(1));
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e;
            }
            String why = "57014".equals(e.getSQLState()) ? "took longer than " + timeout.toSeconds() + " s"
                    : "25006".equals(e.getSQLState()) ? "tried to write (checks run read-only)"
                    : firstLine(e.getMessage());
            return new Result(sql, false, "failed: " + why);
        } finally {
            connection.rollback();
        }
    }

    private static Result judge(String sql, Object value) {
        if (value == null) {
            return new Result(sql, false, "returned NULL");
        }
        if (value instanceof Boolean b) {
            return new Result(sql, b, "returned " + b);
        }
        if (value instanceof Number n) {
            boolean nonZero = n instanceof java.math.BigDecimal d ? d.signum() != 0 : n.doubleValue() != 0;
            return new Result(sql, nonZero, "returned " + n);
        }
        return new Result(sql, false, "returned a " + value.getClass().getSimpleName()
                + ", not true/false or a number");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "an error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
