package dev.lifeboat.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.config.ConfigException;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.IncidentSettings;
import dev.lifeboat.config.LifeboatConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The incident template and components: defaults, the reason put in place, and what is refused at start. */
class IncidentSettingsTest {
    @Test
    void theDefaultIsThePlansTemplate() {
        IncidentSettings settings = LifeboatConfig.load(Env.of(Map.of())).incidents();
        assertEquals("We're currently experiencing downtime due to a database failure. The team is actively working on"
                + " a resolution and will share updates shortly. Thank you for your patience.",
                settings.announcement("a database failure"));
        assertEquals(List.of(), settings.componentIds());
        assertEquals(IncidentSettings.DEFAULT_TEMPLATE, LifeboatConfig.load(Env.of(Map.of())).describe()
                .get("LIFEBOAT_INCIDENT_TEMPLATE"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a database failure|due to a database failure. The team",
            "a database failure.|due to a database failure. The team",
            "  spaces around  |due to spaces around. The team",
    })
    void theReasonFitsTheSentence(String reason, String expected) {
        assertTrue(IncidentSettings.defaults().announcement(reason).contains(expected));
    }

    @Test
    void aConfiguredTemplateAndComponentsAreUsed() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(Map.of("LIFEBOAT_INCIDENT_TEMPLATE", "Down: {reason}. More soon.",
                "STATUSPAGE_COMPONENT_IDS", "kz4m8p2x6c0v, ab12")));
        assertEquals("Down: checkout. More soon.", config.incidents().announcement("checkout"));
        assertEquals(List.of("kz4m8p2x6c0v", "ab12"), config.incidents().componentIds());
    }

    @Test
    void aTemplateWithoutTheReasonAndMalformedComponentsAreRefusedTogether() {
        ConfigException e = assertThrows(ConfigException.class, () -> LifeboatConfig.load(Env.of(Map.of(
                "LIFEBOAT_INCIDENT_TEMPLATE", "We are down.", "STATUSPAGE_COMPONENT_IDS", "web/app"))));
        assertTrue(e.getMessage().contains("LIFEBOAT_INCIDENT_TEMPLATE must contain {reason}"), e.getMessage());
        assertTrue(e.getMessage().contains("STATUSPAGE_COMPONENT_IDS: 'web/app' is not a Statuspage component id"),
                e.getMessage());
    }
}
