package dev.lifeboat.audit;

import dev.lifeboat.config.Redact;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/** Tells what a failed write says: the entry's values were refused, or the store itself is in trouble. */
final class SqlFaults {
    private static final int MAX_REASON = 200;

    private SqlFaults() {
    }

    /** The database refused the values themselves: a data exception (SQLState 22…) or a constraint violation (23…). */
    static boolean valueRefused(SQLException e) {
        for (SQLException s : chain(e)) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The store could not be reached or did not answer: no connection (08…), a dropped one, a pool that waited in
     * vain, a cancelled or timed-out statement (57…). Writing other entries now would fail the same way.
     */
    static boolean unreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException || t instanceof IOException) {
                return true;
            }
        }
        for (SQLException s : chain(e)) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57"))) {
                return true;
            }
        }
        return false;
    }

    /** A statement cancelled by its query timeout (the client's) or statement timeout (PostgreSQL's). */
    static boolean timedOut(SQLException e) {
        for (SQLException s : chain(e)) {
            if (s instanceof SQLTimeoutException || "57014".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line for a person: the innermost database message (e.g. "Connection to db:5432 refused."), without the SQL
     * statement H2 appends, redacted and short.
     */
    static String reason(Throwable e) {
        Throwable inner = e;
        Throwable innerSql = null;
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 20; t = next(t)) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                inner = t;
                innerSql = t instanceof SQLException ? t : innerSql;
            }
        }
        inner = innerSql != null ? innerSql : inner;
        String message = String.valueOf(inner.getMessage()).strip();
        message = message.lines().findFirst().orElse(message);
        int statement = message.indexOf("; SQL statement:");
        if (statement > 0) {
            message = message.substring(0, statement);
        }
        int sentence = message.indexOf(". ");
        if (sentence > 0) {
            message = message.substring(0, sentence + 1);
        }
        message = Redact.text(message.endsWith(".") ? message.substring(0, message.length() - 1) : message);
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON - 1) + "…";
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException s && s.getNextException() != null && s.getNextException() != t) {
            return s.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static java.util.List<SQLException> chain(SQLException e) {
        java.util.List<SQLException> out = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && out.size() < 20; t = next(t)) {
            if (t instanceof SQLException s) {
                out.add(s);
            }
        }
        return out;
    }
}
