package dev.lifeboat.heroku;

import java.util.Objects;
import java.util.Optional;

/**
 * Which recent log lines to ask Heroku for. Never a tail: Lifeboat reads a bounded snapshot.
 *
 * @param lines how many lines Heroku should send (1–1500)
 * @param dyno  a dyno ({@code web.1}) or process type ({@code web}) to limit to, as the CLI's {@code --dyno}
 */
public record LogRequest(int lines, Optional<String> dyno) {
    public static final int MAX_LINES = 1500;

    public LogRequest {
        if (lines < 1 || lines > MAX_LINES) {
            throw new IllegalArgumentException("lines must be between 1 and " + MAX_LINES + ", got " + lines);
        }
        Objects.requireNonNull(dyno, "dyno");
    }

    public static LogRequest all(int lines) {
        return new LogRequest(lines, Optional.empty());
    }

    public static LogRequest dyno(String dyno, int lines) {
        return new LogRequest(lines, Optional.of(dyno));
    }
}
