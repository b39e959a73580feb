package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.Wiring;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.LifeboatConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serving Slack opens the embedded store for itself alone: no H2 server, so no port on any interface. */
class H2ServeModeTest {
    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");

    @TempDir
    Path data;
    @TempDir
    Path other;

    /** The TCP sockets this process listens on (Linux: its socket inodes that /proc/net/tcp* lists in state LISTEN). */
    static Set<String> listening() throws IOException {
        Set<String> mine = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Matcher m = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
                    if (m.matches()) {
                        mine.add(m.group(1));
                    }
                } catch (IOException e) {
                    // The descriptor closed while we listed them: it listens on nothing.
                }
            }
        }
        Set<String> out = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && mine.contains(f[9])) {
                    out.add(f[1] + " inode " + f[9]);
                }
            }
        }
        return out;
    }

    @Test
    void serveModeOpensTheEmbeddedStoreWithoutAutoServerAndWithoutAListeningPort() throws Exception {
        LifeboatConfig config = LifeboatConfig.load(Env.of(Map.of("LIFEBOAT_DATA_DIR", data.toString())));
        Injector injector = Guice.createInjector(Wiring.serve(config, Wiring.World.REAL).modules());
        Set<String> before = listening();
        try {
            Database database = injector.getInstance(Database.class);
            injector.getInstance(AuditLog.class).recent(1);

            assertTrue(database.jdbcUrl().startsWith("jdbc:h2:file:" + data.resolve("lifeboat")), database.jdbcUrl());
            assertFalse(database.jdbcUrl().toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER"), database.jdbcUrl());
            assertEquals(before, listening(), "no port opened for the store");
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }

    @Test
    void theListeningPortCheckSeesAnH2ServerWhenThereIsOne() throws Exception {
        Set<String> before = listening();
        try (Database shared = Database.open("jdbc:h2:file:" + other.resolve("shared") + ";AUTO_SERVER=TRUE", "sa", "", "control")) {
            Set<String> after = listening();
            after.removeAll(before);
            assertEquals(1, after.size(), "AUTO_SERVER listens: " + after);
        }
    }
}
