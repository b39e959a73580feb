package dev.lifeboat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.config.LifeboatConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The files that deploy Lifeboat agree with the code: {@code app.json} (Heroku's Deploy button) holds only the
 * schema's fields and every variable {@code docs/setup.md} documents, which are exactly those the code reads; the
 * systemd unit restarts Lifeboat, reads an environment file and passes the Procfile's JVM options.
 */
class DeployFilesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Set by Heroku itself, so not asked for by the Deploy button. */
    static final Map<String, String> SET_BY_HEROKU = Map.of("PORT", "the router's port",
            "DATABASE_URL", "the heroku-postgresql add-on");
    static final Set<String> TOP_LEVEL = Set.of("name", "description", "keywords", "website", "repository", "logo",
            "success_url", "scripts", "env", "formation", "image", "addons", "buildpacks", "environments", "stack");
    static final Set<String> ENV_ENTRY = Set.of("description", "value", "required", "generator");

    static JsonNode appJson() throws Exception {
        return JSON.readTree(Files.readString(Path.of("app.json")));
    }

    /** The variables named in the first column of docs/setup.md's configuration table. */
    static Set<String> documented() throws Exception {
        Set<String> names = new TreeSet<>();
        Pattern row = Pattern.compile("^\\| (`[A-Z][A-Z0-9_]*`[^|]*) \\|");
        Pattern name = Pattern.compile("`([A-Z][A-Z0-9_]*)`");
        for (String line : Files.readAllLines(Path.of("docs/setup.md"))) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                Matcher n = name.matcher(m.group(1));
                while (n.find()) {
                    names.add(n.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void everyVariableTheCodeReadsIsDocumentedAndNothingElse() throws Exception {
        assertEquals(LifeboatConfig.variables(), documented(), "docs/setup.md's table vs the variables the code reads");
    }

    @Test
    void appJsonAsksForEveryDocumentedVariableExceptWhatHerokuSets() throws Exception {
        Set<String> expected = new TreeSet<>(documented());
        expected.removeAll(SET_BY_HEROKU.keySet());
        Set<String> asked = new TreeSet<>();
        appJson().path("env").fieldNames().forEachRemaining(asked::add);
        assertEquals(expected, asked, "app.json's env vs docs/setup.md");
    }

    @Test
    void appJsonHoldsOnlyTheSchemasFieldsAndNoSecretHasADefault() throws Exception {
        JsonNode app = appJson();
        List<String> unknown = new ArrayList<>();
        app.fieldNames().forEachRemaining(f -> {
            if (!TOP_LEVEL.contains(f)) {
                unknown.add(f);
            }
        });
        Map<String, JsonNode> env = new LinkedHashMap<>();
        app.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
        env.forEach((variable, entry) -> {
            entry.fieldNames().forEachRemaining(f -> {
                if (!ENV_ENTRY.contains(f)) {
                    unknown.add("env." + variable + "." + f);
                }
            });
            assertFalse(entry.path("description").asText().isBlank(), variable + " has a description");
            assertTrue(entry.path("required").isBoolean(), variable + " says whether it is required");
            if (variable.matches(".*(TOKEN|SECRET|KEY|PASSWORD|WEBHOOK|DATABASE_URL).*")) {
                assertFalse(entry.has("value") || entry.has("generator"), variable + " is a secret: no default");
            }
        });
        assertEquals(List.of(), unknown, "fields outside the app.json schema");
        for (String required : List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "HEROKU_API_KEY", "HEROKU_APP")) {
            assertTrue(env.get(required).path("required").asBoolean(), required + " is required");
        }
    }

    @Test
    void appJsonRunsOneWebDynoOnTheJavaBuildpackWithItsOwnPostgres() throws Exception {
        JsonNode app = appJson();
        assertEquals(Set.of("web"), fieldNames(app.path("formation")));
        assertEquals(1, app.path("formation").path("web").path("quantity").asInt());
        assertEquals("heroku/java", app.path("buildpacks").get(0).path("url").asText());
        assertEquals(1, app.path("buildpacks").size());
        JsonNode addon = app.path("addons").get(0);
        assertTrue(addon.path("plan").asText().startsWith("heroku-postgresql:"), addon.toString());
        assertEquals("DATABASE", addon.path("as").asText(), "Lifeboat's own state: attached as its DATABASE_URL");
    }

    @Test
    void theSystemdUnitRestartsLifeboatFromAnEnvironmentFileWithTheProcfilesJvmOptions() throws Exception {
        Map<String, List<String>> service = section(Files.readAllLines(Path.of("deploy/lifeboat.service")), "Service");
        assertEquals(List.of("always"), service.get("Restart"));
        assertEquals(1, service.get("EnvironmentFile").size());
        assertTrue(service.get("EnvironmentFile").get(0).startsWith("/"), "an absolute path");
        assertTrue(service.get("ExecStart").get(0).matches("/\\S+/lifeboat serve"), service.get("ExecStart").toString());
        assertEquals(List.of("lifeboat"), service.get("User"), "not root");
        String javaOpts = service.get("Environment").stream().filter(e -> e.startsWith("\"JAVA_OPTS="))
                .findFirst().orElseThrow();
        Matcher option = Pattern.compile("(-X\\S+)").matcher(Files.readString(Path.of("Procfile")));
        int options = 0;
        while (option.find()) {
            assertTrue(javaOpts.contains(option.group(1)), "the Procfile's " + option.group(1) + " in " + javaOpts);
            options++;
        }
        assertTrue(options >= 2, "the Procfile passes JVM options");
        assertTrue(javaOpts.contains("-XX:+ExitOnOutOfMemoryError"), javaOpts);
    }

    /** {@code key → values} of one [section] of a unit file (a key may repeat). */
    static Map<String, List<String>> section(List<String> lines, String name) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        boolean in = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                in = line.equals("[" + name + "]");
            } else if (in && !line.isEmpty() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                out.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
        }
        return out;
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
