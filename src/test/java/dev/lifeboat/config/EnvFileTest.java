package dev.lifeboat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --env-file}: the format {@code heroku config -s} prints, and the rules that keep its secrets. */
class EnvFileTest {
    @TempDir
    Path dir;

    Path file(String text, String mode) throws Exception {
        Path file = dir.resolve("lifeboat.env");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "bare                     | KEY=value                          | value",
            "heroku -s single quotes  | KEY='two words'                    | two words",
            "heroku -s escaped quote  | KEY='it'\\''s'                      | it's",
            "double quotes, escapes   | KEY=\"say \\\"hi\\\" \\$HOME\"     | say \"hi\" $HOME",
            "backslash-escaped space  | KEY=a\\ b                          | a b",
            "export prefix            | export KEY=value                   | value",
            "comment after the value  | KEY=value   # the prod token        | value",
            "empty value              | KEY=                               | ~~",
            "equals in the value      | KEY=postgres://u:p@h/db?a=b        | postgres://u:p@h/db?a=b",
            "spaces around            | '  KEY=value  '                    | value",
    })
    void valuesAreReadAsAShellReadsThem(String rule, String line, String expected) throws Exception {
        String text = line.startsWith("'") ? line.substring(1, line.length() - 1) : line;
        assertEquals(Map.of("KEY", expected == null ? "" : expected), EnvFile.read(file(text + "\n", "rw-------")), rule);
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndALaterLineWins() throws Exception {
        Path file = file("""
                # heroku config -s -a acme-lifeboat
                SLACK_BOT_TOKEN=xoxb-1

                HEROKU_APP='acme-prod'
                HEROKU_APP=acme-prod-2
                """, "rw-------");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("SLACK_BOT_TOKEN", "xoxb-1");
        expected.put("HEROKU_APP", "acme-prod-2");
        assertEquals(expected, EnvFile.read(file));
    }

    @Test
    void aMalformedLineIsNamedByNumberAndItsValueIsNotShown() throws Exception {
        Path file = file("""
                SLACK_BOT_TOKEN=xoxb-good
                this line is xoxb-secret-one
                2BAD=xoxb-secret-two
                HEROKU_API_KEY='unterminated-secret-three
                """, "rw-------");

        ConfigException e = assertThrows(ConfigException.class, () -> EnvFile.read(file));

        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains("line 2: expected KEY=VALUE"), e.getMessage());
        assertTrue(e.problems().get(1).contains("line 3: the name before '=' is not a variable name"), e.getMessage());
        assertTrue(e.problems().get(2).contains("line 4: HEROKU_API_KEY's value opens a ' quote that is not closed"),
                e.getMessage());
        for (String secret : new String[] {"secret-one", "secret-two", "secret-three", "xoxb-good"}) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----"})
    void aFileOthersMayReadIsRefusedWithTheReason(String mode) throws Exception {
        Path file = file("SLACK_BOT_TOKEN=xoxb-secret\n", mode);

        ConfigException e = assertThrows(ConfigException.class, () -> EnvFile.read(file));

        assertTrue(e.getMessage().contains("may be read by others (mode " + mode + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
        assertFalse(e.getMessage().contains("xoxb-secret"));
    }

    @Test
    void aMissingFileIsSaidPlainly() {
        ConfigException e = assertThrows(ConfigException.class, () -> EnvFile.read(dir.resolve("nope.env")));
        assertTrue(e.getMessage().contains("nope.env: no such file"), e.getMessage());
    }

    @Test
    void variablesAlreadyInTheEnvironmentWin() throws Exception {
        Path file = file("HEROKU_APP=from-file\nHEROKU_STAGING_APP=staging-from-file\n", "rw-------");

        Env env = EnvFile.under(Map.of("HEROKU_APP", "from-environment"), file);

        assertEquals(Optional.of("from-environment"), env.get("HEROKU_APP"));
        assertEquals(Optional.of("staging-from-file"), env.get("HEROKU_STAGING_APP"));
    }
}
