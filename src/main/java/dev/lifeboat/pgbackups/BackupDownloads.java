package dev.lifeboat.pgbackups;

import java.io.Closeable;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Reading a completed backup's dump, as {@code heroku pg:backups:download} does: ask the data API for a short-lived
 * public URL ({@code POST /client/v11/apps/{app}/transfers/{num}/actions/public-url}) and stream it. The URL is a
 * credential: it is never logged, returned or put in a message.
 */
public interface BackupDownloads {
    /**
     * Opens {@code backup}'s dump for reading; the caller closes it.
     *
     * @throws PgBackupsException when no URL could be had or the storage did not answer 200
     */
    Download open(String app, Transfer backup);

    /** An open dump: its body (read once, in order) and its length when the storage said. */
    interface Download extends Closeable {
        InputStream body();

        OptionalLong length();

        @Override
        void close();
    }
}
