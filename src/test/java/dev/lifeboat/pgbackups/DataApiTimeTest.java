package dev.lifeboat.pgbackups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The data API's own timestamp format, which is not ISO-8601. */
class DataApiTimeTest {
    @Test
    void parsesTheDataApiFormat() {
        assertEquals(Instant.parse("2017-08-31T10:28:08Z"), DataApiTime.parse("2017-08-31 10:28:08 +0000"));
    }

    @Test
    void appliesANonUtcOffset() {
        assertEquals(Instant.parse("2017-08-31T08:28:08Z"), DataApiTime.parse("2017-08-31 10:28:08 +0200"));
    }

    @Test
    void acceptsFractionalSeconds() {
        assertEquals(Instant.parse("2017-08-31T10:28:08.123456Z"), DataApiTime.parse("2017-08-31 10:28:08.123456 +0000"));
    }

    @Test
    void acceptsIso8601Too() {
        assertEquals(Instant.parse("2017-08-31T10:28:08Z"), DataApiTime.parse("2017-08-31T10:28:08Z"));
        assertEquals(Instant.parse("2017-08-31T10:28:08Z"), DataApiTime.parse("2017-08-31T12:28:08+02:00"));
    }

    @Test
    void refusesAnythingElse() {
        assertThrows(DateTimeParseException.class, () -> DataApiTime.parse("101"));
        assertThrows(DateTimeParseException.class, () -> DataApiTime.parse("31/08/2017 10:28"));
    }

    @Test
    void formatsTheWayTheApiDoes() {
        assertEquals("2017-08-31 10:28:08 +0000", DataApiTime.format(Instant.parse("2017-08-31T10:28:08Z")));
    }
}
