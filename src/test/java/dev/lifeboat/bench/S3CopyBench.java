package dev.lifeboat.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.lifeboat.config.S3Settings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.s3.OffsiteStore;
import dev.lifeboat.s3.S3ClientFactory;
import dev.lifeboat.s3.S3Clients;
import dev.lifeboat.s3.S3ProxyServer;
import dev.lifeboat.s3.S3Tuning;
import dev.lifeboat.s3.UploadRequest;
import dev.lifeboat.s3.UploadResult;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.LoggerFactory;

/**
 * Streams an HTTP body into S3 through {@link OffsiteStore#upload}, as the offsite-copy step does with a Heroku
 * backup's download URL (fetched with OkHttp, the project's HTTP client). Args: source URL, S3 endpoint, bucket, key. Prints one line:
 * {@code RESULT bytes seconds mbps transfer_seconds parts sha256}, where {@code seconds} covers everything (GET,
 * parts, completion, checksum sidecar) and {@code transfer_seconds} ends when the last part is stored.
 */
public final class S3CopyBench {
    private S3CopyBench() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        URI source = URI.create(args[0]);
        S3Settings settings = new S3Settings(Optional.of(S3ProxyServer.IDENTITY),
                Optional.of(new Secret(S3ProxyServer.CREDENTIAL)), Optional.empty(), Optional.of(URI.create(args[1])),
                Optional.of(args[2]), S3Settings.DEFAULT_PREFIX, 30, 26);
        String key = args[3];
        OkHttpClient http = new OkHttpClient();
        try (S3Clients clients = S3ClientFactory.clients(settings, S3Tuning.DEFAULT)) {
            OffsiteStore store = S3ClientFactory.store(settings, clients, S3Tuning.DEFAULT);
            long started = System.nanoTime();
            AtomicLong lastPartStored = new AtomicLong(started);
            UploadResult result;
            try (Response response = http.newCall(new Request.Builder().url(source.toString()).build()).execute()) {
                if (response.code() != 200) {
                    throw new IllegalStateException("source answered " + response.code());
                }
                long length = response.body().contentLength();
                UploadRequest request = UploadRequest.of(key, response.body().byteStream())
                        .withProgress(bytes -> lastPartStored.set(System.nanoTime()));
                result = store.upload(length >= 0 ? request.withLength(length) : request);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double transfer = (lastPartStored.get() - started) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT %d %.3f %.1f %.3f %d %s%n", result.bytes(), seconds,
                    result.bytes() / 1e6 / seconds, transfer, result.parts(), result.sha256());
            store.delete(key);
        }
    }
}
