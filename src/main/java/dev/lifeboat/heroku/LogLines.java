package dev.lifeboat.heroku;

import java.util.List;

/**
 * The log lines that arrived, and why reading stopped.
 *
 * @param lines the lines in order, secrets redacted
 * @param end   why reading stopped
 */
public record LogLines(List<String> lines, End end) {
    public LogLines {
        lines = List.copyOf(lines);
    }

    /** Why reading stopped. */
    public enum End {
        /** Heroku sent everything and closed the stream. */
        COMPLETE,
        /** The line limit was reached; more may have followed. */
        LINE_LIMIT,
        /** The time limit passed; these are the lines that arrived before it. */
        TIME_LIMIT,
        /** The connection broke part-way; these are the lines that arrived before. */
        BROKEN
    }
}
