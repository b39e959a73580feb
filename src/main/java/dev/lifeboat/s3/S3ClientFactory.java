package dev.lifeboat.s3;

import dev.lifeboat.config.ConfigException;
import dev.lifeboat.config.S3Settings;
import dev.lifeboat.config.Secret;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Every choice about building the S3 clients, kept out of {@link S3Module} (which stays free of {@code if}s):
 *
 * <ul>
 *   <li>static credentials when {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} are both set, else the
 *       SDK's default chain (instance role, profile, …);</li>
 *   <li>the region from {@code AWS_REGION}; {@code us-east-1} when only {@code AWS_ENDPOINT_URL_S3} is set (S3-compatible
 *       servers ignore it but SigV4 needs one); else the SDK's default region chain;</li>
 *   <li>with an endpoint, path-style addressing on both client and presigner (S3-compatible servers rarely have
 *       per-bucket DNS names);</li>
 *   <li>checksums only when an operation requires them: since SDK 2.30 the default trailing checksums are refused by
 *       most S3-compatible servers, and we compute our own SHA-256 of every copy anyway;</li>
 *   <li>explicit timeouts and retries from {@link S3Tuning}.</li>
 * </ul>
 *
 * Building does no I/O except what the SDK's default region chain may do when no region is configured.
 */
public final class S3ClientFactory {
    static final Region ENDPOINT_DEFAULT_REGION = Region.US_EAST_1;

    private S3ClientFactory() {
    }

    // ApacheHttpClient (Apache HttpClient 4.5) is deprecated since SDK 2.46 in favour of Apache5HttpClient, which has
    // the same builder; the project declares apache-client, so this stays until the pom moves to apache5-client.
    @SuppressWarnings("deprecation")
    public static S3Clients clients(S3Settings settings, S3Tuning tuning) {
        AwsCredentialsProvider credentials = credentials(settings);
        Optional<Region> region = region(settings);
        boolean pathStyle = settings.endpoint().isPresent();

        S3ClientBuilder client = S3Client.builder()
                .credentialsProvider(credentials)
                .forcePathStyle(pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(tuning.connectTimeout())
                        .socketTimeout(tuning.socketTimeout())
                        .connectionAcquisitionTimeout(tuning.connectTimeout().multipliedBy(2))
                        .maxConnections(tuning.maxConnections()))
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(tuning.apiCallAttemptTimeout())
                        .apiCallTimeout(tuning.apiCallTimeout())
                        .retryStrategy(r -> r.maxAttempts(tuning.maxAttempts())));
        S3Presigner.Builder presigner = S3Presigner.builder()
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        region.ifPresent(r -> {
            client.region(r);
            presigner.region(r);
        });
        settings.endpoint().ifPresent(uri -> {
            client.endpointOverride(uri);
            presigner.endpointOverride(uri);
        });
        try {
            S3Client s3 = client.build();
            return new S3Clients(s3, buildPresigner(presigner, s3));
        } catch (SdkClientException e) {
            throw new ConfigException(List.of("AWS_REGION is not set and the AWS SDK found no default region (" 
                    + e.getClass().getSimpleName() + "): set AWS_REGION to the backup bucket's region."));
        }
    }

    /** The real store over {@code clients}, writing to {@code LIFEBOAT_BACKUP_BUCKET}. */
    public static OffsiteStore store(S3Settings settings, S3Clients clients, S3Tuning tuning) {
        String bucket = settings.bucket().filter(b -> !b.isBlank()).orElseThrow(() -> new ConfigException(List.of(
                "LIFEBOAT_BACKUP_BUCKET is not set: the S3 offsite store needs a bucket.")));
        S3Errors errors = new S3Errors(bucket, settings.endpoint(), settings.region(), staticCredentials(settings));
        return new S3OffsiteStore(clients, bucket, errors, tuning);
    }

    static boolean staticCredentials(S3Settings settings) {
        return settings.accessKeyId().filter(id -> !id.isBlank()).isPresent()
                && settings.secretAccessKey().map(Secret::reveal).filter(s -> !s.isBlank()).isPresent();
    }

    static AwsCredentialsProvider credentials(S3Settings settings) {
        if (staticCredentials(settings)) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId().orElseThrow(),
                    settings.secretAccessKey().orElseThrow().reveal()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    static Optional<Region> region(S3Settings settings) {
        return settings.region().filter(r -> !r.isBlank()).map(Region::of)
                .or(() -> settings.endpoint().map(uri -> ENDPOINT_DEFAULT_REGION));
    }

    private static S3Presigner buildPresigner(S3Presigner.Builder presigner, S3Client s3) {
        try {
            return presigner.build();
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
    }
}
