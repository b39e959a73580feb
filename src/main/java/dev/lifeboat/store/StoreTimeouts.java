package dev.lifeboat.store;

import java.time.Duration;

/**
 * How long Lifeboat waits on its own state store, so a hung database never hangs a thread for ever.
 *
 * @param poolWait  how long a caller waits for a connection from the pool (HikariCP {@code connectionTimeout})
 * @param connect   PostgreSQL: opening the TCP connection ({@code connectTimeout}) and logging in ({@code loginTimeout})
 * @param statement PostgreSQL: the server cancels any statement running longer ({@code statement_timeout})
 * @param socket    PostgreSQL: a read that gets no byte for this long fails ({@code socketTimeout}); longer than
 *                  {@code statement}, so a slow statement is cancelled cleanly by the server first
 */
public record StoreTimeouts(Duration poolWait, Duration connect, Duration statement, Duration socket) {
    public static final StoreTimeouts DEFAULT = new StoreTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30));

    public StoreTimeouts {
        if (socket.compareTo(statement) <= 0) {
            throw new IllegalArgumentException("the socket timeout must be longer than the statement timeout");
        }
        if (poolWait.toMillis() < 250 || connect.toSeconds() < 1) {
            throw new IllegalArgumentException("pool wait must be at least 250 ms and connect at least 1 s");
        }
    }
}
