package dev.lifeboat.pgbackups;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names, lookups and sizes over transfers, as the Heroku CLI does them. Pure functions. */
public final class Transfers {
    private static final Pattern NAME = Pattern.compile("^([abcr])?0*(\\d+)$");

    private Transfers() {
    }

    /**
     * The transfer number in a name like {@code b012}, {@code a034}, {@code r005} or {@code c003} (or a bare
     * {@code 12}); empty when it is not such a name.
     */
    public static OptionalLong parseNum(String name) {
        if (name == null) {
            return OptionalLong.empty();
        }
        Matcher m = NAME.matcher(name.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(2).length() > 18) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(m.group(2)));
    }

    /** The transfer a CLI name names, e.g. {@code b012} (the letter must match too). */
    public static Optional<Transfer> byName(List<Transfer> transfers, String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return transfers.stream().filter(t -> t.name().equals(wanted)).findFirst();
    }

    /** The newest backup that succeeded, the one {@code pg:backups:restore} picks by default. */
    public static Optional<Transfer> latestSucceededBackup(List<Transfer> transfers) {
        return transfers.stream()
                .filter(t -> t.kind() == TransferKind.BACKUP && t.status() == TransferStatus.COMPLETED)
                .max(Comparator.comparing(Transfer::finishedAt));
    }

    /** The newest transfer that has not finished, the one {@code pg:backups:cancel} cancels by default. */
    public static Optional<Transfer> newestInProgress(List<Transfer> transfers) {
        return transfers.stream()
                .filter(t -> !t.isFinished())
                .max(Comparator.comparing(Transfer::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** {@code 1437} → {@code 1.40 KB}, in powers of 1024 with two decimals, like the CLI. */
    public static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f %s", value, units[unit]);
    }
}
