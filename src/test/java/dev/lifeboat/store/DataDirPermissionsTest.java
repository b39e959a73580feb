package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code LIFEBOAT_DATA_DIR} holds the audit log and run state: created owner-only, and a shared one is warned about. */
class DataDirPermissionsTest {
    @TempDir
    Path parent;

    static RuntimeSettings settings(Path dataDir) {
        return new RuntimeSettings(3000, dataDir, Optional.empty(), Optional.empty(), 60, 3, false, Optional.empty());
    }

    List<String> warningsOpening(Path dataDir) {
        try (LogCapture log = LogCapture.of(Database.class);
             Database ignored = Database.open(settings(dataDir))) {
            return log.lines(Level.WARN);
        }
    }

    @Test
    void aNewDataDirectoryIsCreatedOwnerOnlyWithoutAWarning() throws Exception {
        Path dataDir = parent.resolve("nested/lifeboat-data");

        List<String> warnings = warningsOpening(dataDir);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        assertEquals(List.of(), warnings);
    }

    @ParameterizedTest(name = "an existing data directory with {0} is {1}")
    @CsvSource({
            "rwx------, private",
            "rwxr-x---, shared",
            "rwxr-xr-x, shared",
            "rwx---r--, shared",
            "rwx-w----, shared",
            "rwx--x--x, private",
    })
    void anExistingDataDirectoryReadableByOthersIsWarnedAboutAtStart(String permissions, String expected) throws Exception {
        Path dataDir = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString(permissions));

        List<String> warnings = warningsOpening(dataDir);

        if (expected.equals("private")) {
            assertEquals(List.of(), warnings);
        } else {
            assertEquals(1, warnings.size(), warnings.toString());
            String line = warnings.get(0);
            assertTrue(line.startsWith("event=data_dir_not_private"), line);
            assertTrue(line.contains("permissions=" + permissions), line);
            assertTrue(line.contains("chmod 700 " + dataDir.toAbsolutePath()), line);
        }
        assertEquals(permissions, PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)),
                "an existing directory is left as it is: only warned about");
    }
}
