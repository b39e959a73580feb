package dev.lifeboat.s3;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Lifeboat stores with a copy as S3 user metadata ({@code x-amz-meta-lifeboat-*}).
 *
 * @param sourceBytes  how many bytes were read from the source (the dump's size)
 * @param sha256       lower-case hex SHA-256 of those bytes
 * @param sourceBackup the Heroku backup the copy was taken from, e.g. {@code a042}
 */
public record CopyMetadata(OptionalLong sourceBytes, Optional<String> sha256, Optional<String> sourceBackup) {
    static final String SOURCE_BYTES = "lifeboat-source-bytes";
    static final String SHA256 = "lifeboat-sha256";
    static final String SOURCE_BACKUP = "lifeboat-source-backup";
    /** Set on objects whose checksum lives in a sidecar object (see {@link S3OffsiteStore}). */
    static final String SHA256_SIDECAR = "lifeboat-sha256-sidecar";

    public static final CopyMetadata NONE = new CopyMetadata(OptionalLong.empty(), Optional.empty(), Optional.empty());

    /** Reads the fields Lifeboat wrote; unknown or malformed entries are ignored. */
    static CopyMetadata fromUserMetadata(Map<String, String> metadata) {
        Map<String, String> lower = new HashMap<>();
        metadata.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return new CopyMetadata(parseLong(lower.get(SOURCE_BYTES)),
                Optional.ofNullable(lower.get(SHA256)).filter(v -> v.matches("[0-9a-f]{64}")),
                Optional.ofNullable(lower.get(SOURCE_BACKUP)).filter(v -> !v.isBlank()));
    }

    /** The user-metadata entries for this record (without the {@code x-amz-meta-} prefix). */
    Map<String, String> toUserMetadata() {
        Map<String, String> out = new HashMap<>();
        sourceBytes.ifPresent(v -> out.put(SOURCE_BYTES, Long.toString(v)));
        sha256.ifPresent(v -> out.put(SHA256, v));
        sourceBackup.ifPresent(v -> out.put(SOURCE_BACKUP, v));
        return out;
    }

    private static OptionalLong parseLong(String value) {
        try {
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
