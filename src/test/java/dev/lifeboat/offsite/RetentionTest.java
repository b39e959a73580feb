package dev.lifeboat.offsite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeboat.s3.OffsiteCopy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which copies retention deletes: older than the period, never the newest three. One row per case. */
class RetentionTest {
    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    /** Copies {@code c1}… made the given number of days ago. */
    static List<OffsiteCopy> copies(int... daysAgo) {
        List<OffsiteCopy> out = new ArrayList<>();
        for (int i = 0; i < daysAgo.length; i++) {
            out.add(new OffsiteCopy("pg-backups/app/c" + (i + 1) + ".dump", 100,
                    NOW.minus(Duration.ofDays(daysAgo[i])).minusSeconds(i), Optional.empty()));
        }
        return out;
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("none old", copies(1, 2, 3, 4), 30, List.of()),
                Arguments.of("old ones beyond the newest three go, oldest first", copies(1, 2, 40, 50, 60), 30,
                        List.of("c5.dump", "c4.dump")),
                Arguments.of("the newest three stay even when all are old", copies(40, 50, 60, 70), 30,
                        List.of("c4.dump")),
                Arguments.of("three old copies: all stay", copies(40, 50, 60), 30, List.of()),
                Arguments.of("just inside the period stays", copies(1, 2, 3, 29), 30, List.of()),
                Arguments.of("a day past the cutoff goes", copies(1, 2, 3, 31), 30, List.of("c4.dump")),
                Arguments.of("retention 0 deletes nothing", copies(1, 2, 3, 400), 0, List.of()),
                Arguments.of("no copies", copies(), 30, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void keepsTheNewestThreeAndDeletesOnlyWhatIsOlderThanTheRetention(String name, List<OffsiteCopy> copies,
                                                                       int days, List<String> deleted) {
        assertEquals(deleted, Retention.expired(copies, NOW, days).stream().map(OffsiteCopy::fileName).toList());
    }
}
