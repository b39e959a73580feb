package dev.lifeboat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.config.ConfigException;
import dev.lifeboat.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve|console --env-file FILE}: the option is read, taken out of the words, and refused elsewhere. */
class MainEnvironmentTest {
    @TempDir
    Path dir;

    Path envFile() throws Exception {
        Path file = dir.resolve("prod.env");
        Files.writeString(file, "LIFEBOAT_TEST_ONLY_VARIABLE='from the file'\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void theConsoleReadsTheFileAndKeepsTheOtherWords() throws Exception {
        List<String> words = new ArrayList<>(List.of("--env-file", envFile().toString(), "status"));

        Env env = Main.environment("console", words);

        assertEquals(Optional.of("from the file"), env.get("LIFEBOAT_TEST_ONLY_VARIABLE"));
        assertEquals(List.of("status"), words);
        List<String> joined = new ArrayList<>(List.of("--env-file=" + envFile(), "--demo"));
        assertEquals(Optional.of("from the file"), Main.environment("serve", joined).get("LIFEBOAT_TEST_ONLY_VARIABLE"));
        assertEquals(List.of("--demo"), joined);
    }

    @Test
    void theOptionNeedsAFileAndIsOnlyForServeAndConsole() throws Exception {
        ConfigException missing = assertThrows(ConfigException.class,
                () -> Main.environment("console", new ArrayList<>(List.of("--env-file"))));
        assertTrue(missing.getMessage().contains("--env-file needs a file"), missing.getMessage());
        ConfigException elsewhere = assertThrows(ConfigException.class,
                () -> Main.environment("demo", new ArrayList<>(List.of("--env-file", envFile().toString()))));
        assertTrue(elsewhere.getMessage().contains("--env-file is for `serve` and `console`"), elsewhere.getMessage());
    }
}
