package dev.lifeboat.pgbackups;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The data API's timestamps, {@code 2017-08-31 10:28:08 +0000} (not ISO-8601). ISO-8601 is accepted too, in case
 * the API moves to it.
 */
public final class DataApiTime {
    static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendLiteral(' ')
            .optionalStart().appendOffset("+HHMM", "+0000").optionalEnd()
            .optionalStart().appendLiteral("UTC").parseDefaulting(ChronoField.OFFSET_SECONDS, 0).optionalEnd()
            .toFormatter();

    private DataApiTime() {
    }

    /** Parses {@code 2017-08-31 10:28:08 +0000} (or ISO-8601); throws {@link DateTimeParseException} otherwise. */
    public static Instant parse(String text) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value, FORMAT).toInstant();
        } catch (DateTimeParseException notDataApi) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notIso) {
                throw notDataApi;
            }
        }
    }

    /** Writes an instant the way the data API does, for simulated answers and fixtures. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx").format(instant.atOffset(java.time.ZoneOffset.UTC));
    }

    /** Jackson: reads data API timestamps into {@link Instant}; {@code null} and {@code ""} stay {@code null}. */
    public static final class Deserializer extends StdScalarDeserializer<Instant> {
        public Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text,
                        "not a data API timestamp (expected like 2017-08-31 10:28:08 +0000)");
            }
        }
    }
}
