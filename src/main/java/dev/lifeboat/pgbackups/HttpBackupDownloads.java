package dev.lifeboat.pgbackups;

import dev.lifeboat.http.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.OptionalLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Streams a backup from the URL the data API hands out. The download goes to Heroku's storage, not the API, so it
 * uses a client without the API token, without a call timeout (a dump may take many minutes) but with a read
 * timeout (a stalled stream fails), no retries (a body cannot be resumed halfway) and no redirects.
 */
final class HttpBackupDownloads implements BackupDownloads {
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final PgBackups backups;
    private final OkHttpClient http;

    HttpBackupDownloads(PgBackups backups, OkHttpClient shared) {
        this.backups = backups;
        this.http = shared.newBuilder().callTimeout(Duration.ZERO).readTimeout(READ_TIMEOUT)
                .followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(false).build();
    }

    @Override
    public Download open(String app, Transfer backup) {
        PublicUrl url = backups.publicUrl(app, backup.num());
        Response response;
        try {
            response = http.newCall(new Request.Builder().url(url.url()).get().build()).execute();
        } catch (IOException e) {
            throw new PgBackupsException(Failure.UNREACHABLE, 0, null, "Could not download " + backup.name()
                    + " from Heroku's backup storage (" + e.getClass().getSimpleName() + ").");
        }
        if (response.code() != 200 || response.body() == null) {
            int code = response.code();
            response.close();
            Failure failure = code == 403 ? Failure.FORBIDDEN : code == 404 ? Failure.NOT_FOUND
                    : code >= 500 ? Failure.SERVER_ERROR : Failure.REJECTED;
            throw new PgBackupsException(failure, code, null, "Heroku's backup storage answered " + code
                    + " for the download of " + backup.name() + (code == 403
                    ? " (the download URL may have expired; the next attempt asks for a new one)." : "."));
        }
        ResponseBody body = response.body();
        long length = body.contentLength();
        return new Download() {
            @Override
            public InputStream body() {
                return body.byteStream();
            }

            @Override
            public OptionalLong length() {
                return length >= 0 ? OptionalLong.of(length) : OptionalLong.empty();
            }

            @Override
            public void close() {
                response.close();
            }
        };
    }
}
