package dev.lifeboat.pgbackups;

/** What a transfer does, from its {@code from_type} and {@code to_type}, as the Heroku CLI tells them apart. */
public enum TransferKind {
    /** {@code pg_dump} → {@code gof3r}: a database dumped to Heroku's storage. */
    BACKUP('b'),
    /** anything but {@code pg_dump} → {@code pg_restore}: a dump loaded into a database. */
    RESTORE('r'),
    /** {@code pg_dump} → {@code pg_restore}: one database copied into another. */
    COPY('c'),
    /** Any other pairing; the CLI names these like backups. */
    OTHER('b');

    private final char prefix;

    TransferKind(char prefix) {
        this.prefix = prefix;
    }

    /** The letter the CLI puts before the number; scheduled backups use {@code a} instead. */
    public char prefix() {
        return prefix;
    }

    public static TransferKind of(String fromType, String toType) {
        boolean fromDump = "pg_dump".equals(fromType);
        boolean toRestore = "pg_restore".equals(toType);
        if (fromDump && toRestore) {
            return COPY;
        }
        if (toRestore) {
            return RESTORE;
        }
        if (fromDump && "gof3r".equals(toType)) {
            return BACKUP;
        }
        return OTHER;
    }
}
