package dev.lifeboat.bench;

import dev.lifeboat.config.S3Settings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.s3.S3ClientFactory;
import dev.lifeboat.s3.S3Clients;
import dev.lifeboat.s3.S3ProxyServer;
import dev.lifeboat.s3.S3Tuning;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * For {@code bench/s3-copy.sh}'s baseline: prints a presigned PUT URL (valid 1 hour) for {@code args[2]} in bucket
 * {@code args[1]} on the S3 endpoint {@code args[0]} (S3Proxy on loopback), so {@code curl --upload-file} can store
 * the same body without credentials, as a person could instead of Lifeboat.
 */
public final class PresignPutMain {
    private PresignPutMain() {
    }

    public static void main(String[] args) {
        S3Settings settings = new S3Settings(Optional.of(S3ProxyServer.IDENTITY),
                Optional.of(new Secret(S3ProxyServer.CREDENTIAL)), Optional.empty(), Optional.of(URI.create(args[0])),
                Optional.of(args[1]), S3Settings.DEFAULT_PREFIX, 30, 26);
        try (S3Clients clients = S3ClientFactory.clients(settings, S3Tuning.DEFAULT)) {
            System.out.println(clients.presigner().presignPutObject(r -> r.signatureDuration(Duration.ofHours(1))
                    .putObjectRequest(p -> p.bucket(args[1]).key(args[2]))).url());
        }
    }
}
