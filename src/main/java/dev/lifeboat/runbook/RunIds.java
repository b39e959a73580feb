package dev.lifeboat.runbook;

import java.security.SecureRandom;

/** Short run ids a person can type: {@code r-} and six letters and digits that cannot be confused. */
public final class RunIds {
    private static final char[] CHARS = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String next() {
        char[] id = new char[6];
        for (int i = 0; i < id.length; i++) {
            id[i] = CHARS[random.nextInt(CHARS.length)];
        }
        return "r-" + new String(id);
    }

    /** Whether {@code text} has the shape of a run id. */
    public static boolean looksLikeRunId(String text) {
        return text != null && text.matches("r-[a-z2-9]{6}");
    }
}
