package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store keeps what it committed when the process is killed right after the commit (SIGKILL, an OOM
 * kill, a host reboot of the dyno): a run's step that ended is never run again after a restart because its end was
 * still waiting in H2's write delay.
 */
class H2KillDurabilityTest {
    @TempDir
    Path dir;

    /** The child: commits rows through the store's own URL and halts at once, as SIGKILL would stop it. */
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(Database.h2Url(Paths.get(args[0])), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS kept (n INT)");
            for (int i = 0; i < 5; i++) {
                s.execute("INSERT INTO kept VALUES (" + i + ")");
            }
            Runtime.getRuntime().halt(9);
        }
    }

    @Test
    void rowsCommittedJustBeforeAKillAreThereAfterIt() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                H2KillDurabilityTest.class.getName(), dir.toString()).inheritIO().start();
        child.waitFor(60, TimeUnit.SECONDS);
        assertEquals(9, child.exitValue(), "the child halted after its commits");

        try (Connection c = DriverManager.getConnection(Database.h2Url(dir), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM kept")) {
            rs.next();
            assertEquals(5, rs.getInt(1), "every committed row survived the kill");
        }
    }
}
