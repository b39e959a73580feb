package dev.lifeboat.s3;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A deterministic pseudo-random body of a given length (xorshift64*), generated as it is read: nothing is held in
 * memory, and the same seed always gives the same bytes. Optionally throws after {@code failAfter} bytes, like a
 * download whose connection drops.
 */
public final class GeneratedStream extends InputStream {
    private final long length;
    private final long failAfter;
    private long state;
    private long position;
    private long word;
    private int wordBytesLeft;

    public GeneratedStream(long seed, long length) {
        this(seed, length, Long.MAX_VALUE);
    }

    private GeneratedStream(long seed, long length, long failAfter) {
        this.length = length;
        this.failAfter = failAfter;
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    /** A stream that throws an {@link IOException} once {@code failAfter} bytes have been read. */
    public static GeneratedStream failingAfter(long seed, long length, long failAfter) {
        return new GeneratedStream(seed, length, failAfter);
    }

    /** The hex SHA-256 of the body {@code new GeneratedStream(seed, length)} produces. */
    public static String sha256(long seed, long length) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new GeneratedStream(seed, length)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (position >= failAfter) {
            throw new IOException("connection reset by the source after " + position + " bytes");
        }
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, Math.min(length - position, failAfter - position));
        for (int i = 0; i < n; i++) {
            if (wordBytesLeft == 0) {
                state ^= state >>> 12;
                state ^= state << 25;
                state ^= state >>> 27;
                word = state * 0x2545F4914F6CDD1DL;
                wordBytesLeft = 8;
            }
            buffer[offset + i] = (byte) word;
            word >>>= 8;
            wordBytesLeft--;
        }
        position += n;
        return n;
    }
}
