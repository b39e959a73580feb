package dev.lifeboat.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class S3PartSizingTest {
    private static final int MIB = 1024 * 1024;
    private static final long GIB = 1024L * MIB;

    @Test
    void unknownLengthStartsAtTheBaseSizeAndDoublesEveryTwoThousandParts() {
        PartSizing sizing = PartSizing.forLength(OptionalLong.empty(), 8 * MIB);

        assertEquals(8 * MIB, sizing.partSize(1));
        assertEquals(8 * MIB, sizing.partSize(2_000));
        assertEquals(16 * MIB, sizing.partSize(2_001));
        assertEquals(128 * MIB, sizing.partSize(8_001));
        assertEquals(128 * MIB, sizing.partSize(10_000));
    }

    @Test
    void unknownLengthHoldsHundredsOfGigabytesInTenThousandParts() {
        long capacity = PartSizing.forLength(OptionalLong.empty(), 8 * MIB).capacity();

        assertEquals(2_000L * (8 + 16 + 32 + 64 + 128) * MIB, capacity);
        assertTrue(capacity > 480 * GIB);
    }

    @Test
    void knownLengthUsesTheBaseSizeWhenItFits() {
        assertEquals(8 * MIB, PartSizing.forLength(OptionalLong.of(40 * GIB), 8 * MIB).partSize(5_000));
    }

    @Test
    void knownLengthGrowsThePartSoTheObjectFitsInTenThousandParts() {
        long length = 200 * GIB;
        PartSizing sizing = PartSizing.forLength(OptionalLong.of(length), 8 * MIB);

        int part = sizing.partSize(1);
        assertEquals(part, sizing.partSize(10_000), "one size for all parts");
        assertEquals(0, part % MIB, "whole MiB");
        assertTrue((long) part * PartSizing.MAX_PARTS >= length);
        assertTrue((long) (part - MIB) * PartSizing.MAX_PARTS < length, "no bigger than needed");
    }

    @Test
    void bodiesOverFiveTebibytesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PartSizing.forLength(OptionalLong.of(PartSizing.MAX_OBJECT + 1), 8 * MIB));
    }
}
