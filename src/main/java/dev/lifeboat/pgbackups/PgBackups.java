package dev.lifeboat.pgbackups;

import dev.lifeboat.http.Failure;
import java.net.URI;
import java.util.List;

/**
 * What Lifeboat can do with Heroku Postgres backups through the data API ({@code https://api.data.heroku.com}).
 * {@code app} is the app's name or id (the CLI uses both); {@code addonId} is the Postgres add-on's id. Every
 * method throws {@link PgBackupsException} with a message a person can act on.
 */
public interface PgBackups {

    /** Every backup, restore and copy of the app: {@code GET /client/v11/apps/{app}/transfers}. */
    List<Transfer> transfers(String app);

    /** One transfer by number or uuid, without logs. */
    Transfer transfer(String app, String numOrUuid);

    /** One transfer by number or uuid with its logs ({@code ?verbose=true}). */
    Transfer transferWithLogs(String app, String numOrUuid);

    /** Starts a backup of the database: {@code POST /client/v11/databases/{addonId}/backups}. */
    Transfer capture(String addonId);

    /**
     * Starts restoring a dump into the database, replacing its data: {@code POST /client/v11/databases/{addonId}/restores}.
     *
     * @param backupUrl a Heroku backup's {@code to_url}, or a presigned GET URL of a copy elsewhere (never logged)
     */
    Transfer restore(String addonId, URI backupUrl);

    /** A short-lived download URL for a succeeded backup. */
    PublicUrl publicUrl(String app, long num);

    /** The database's backup schedules. */
    List<TransferSchedule> schedules(String addonId);

    /** Cancels a transfer in progress, as {@code pg:backups:cancel} does (by uuid). */
    void cancel(String app, String transferUuid);

    /** The transfer a CLI name like {@code b012}, {@code a034} or {@code r005} names (bare numbers work too). */
    default Transfer transferNamed(String app, String name) {
        long num = Transfers.parseNum(name).orElseThrow(() -> new PgBackupsException(Failure.REJECTED, 0, null,
                "'" + name + "' is not a backup name; use one like b012, a034 or r005 (see the backups list)."));
        return transfer(app, Long.toString(num));
    }
}
