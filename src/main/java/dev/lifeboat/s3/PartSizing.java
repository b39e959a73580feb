package dev.lifeboat.s3;

import java.util.OptionalLong;

/**
 * Part sizes for a multipart upload within S3's limits: parts of 5 MiB to 5 GiB (only the last may be smaller), at
 * most 10,000 of them, objects up to 5 TiB.
 *
 * <p>Known length: one size for every part, the base size or bigger so the object fits in 10,000 parts. Unknown
 * length: the size doubles every 2,000 parts (8, 16, 32, 64, 128 MiB with the default base), so small dumps use
 * small parts (and little memory) while up to {@code 31 × 2,000 × base} (484 GiB at 8 MiB) still fits.
 */
final class PartSizing {
    static final int MAX_PARTS = 10_000;
    static final long MIN_PART = 5L * 1024 * 1024;
    static final long MAX_OBJECT = 5L * 1024 * 1024 * 1024 * 1024;
    static final int PARTS_PER_STEP = 2_000;
    static final int MAX_DOUBLINGS = 4;
    private static final long MIB = 1024 * 1024;

    private final long base;
    private final boolean fixed;

    private PartSizing(long base, boolean fixed) {
        this.base = base;
        this.fixed = fixed;
    }

    static PartSizing forLength(OptionalLong length, int basePart) {
        if (length.isEmpty()) {
            return new PartSizing(basePart, false);
        }
        long bytes = length.getAsLong();
        if (bytes > MAX_OBJECT) {
            throw new IllegalArgumentException("S3 objects are at most 5 TiB; this body is " + bytes + " bytes");
        }
        long needed = (bytes + MAX_PARTS - 1) / MAX_PARTS;
        long roundedToMib = (needed + MIB - 1) / MIB * MIB;
        return new PartSizing(Math.max(basePart, roundedToMib), true);
    }

    /** The size of part {@code partNumber} (1-based). */
    int partSize(int partNumber) {
        if (fixed) {
            return Math.toIntExact(base);
        }
        int doublings = Math.min((partNumber - 1) / PARTS_PER_STEP, MAX_DOUBLINGS);
        return Math.toIntExact(base << doublings);
    }

    /** The most bytes 10,000 parts of these sizes hold. */
    long capacity() {
        long total = 0;
        for (int part = 1; part <= MAX_PARTS; part++) {
            total += partSize(part);
        }
        return total;
    }
}
