package dev.lifeboat.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.config.ConfigException;
import dev.lifeboat.config.S3Settings;
import dev.lifeboat.config.Secret;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The choices the factory makes from settings; no I/O (nothing is listening at the endpoints used here). */
class S3ClientFactoryTest {
    private static final URI ENDPOINT = URI.create("http://127.0.0.1:9");

    @Test
    void endpointWithoutRegionSignsForUsEast1() {
        try (S3Clients clients = S3ClientFactory.clients(settings(Optional.empty(), Optional.of(ENDPOINT)),
                S3Tuning.DEFAULT)) {
            assertEquals(Region.US_EAST_1, clients.s3().serviceClientConfiguration().region());
        }
    }

    @Test
    void configuredRegionWins() {
        try (S3Clients clients = S3ClientFactory.clients(settings(Optional.of("eu-west-1"), Optional.of(ENDPOINT)),
                S3Tuning.DEFAULT)) {
            assertEquals(Region.EU_WEST_1, clients.s3().serviceClientConfiguration().region());
        }
    }

    @Test
    void staticCredentialsOnlyWhenBothVariablesAreSet() {
        S3Settings both = settings(Optional.of("eu-west-1"), Optional.empty());
        S3Settings idOnly = new S3Settings(Optional.of("AKIA"), Optional.empty(), Optional.of("eu-west-1"),
                Optional.empty(), Optional.of("b"), "pg-backups/", 30, 26);

        assertInstanceOf(StaticCredentialsProvider.class, S3ClientFactory.credentials(both));
        assertInstanceOf(DefaultCredentialsProvider.class, S3ClientFactory.credentials(idOnly));
    }

    @Test
    void presignedUrlsUsePathStyleWithAnEndpointAndVirtualHostsWithout() {
        try (S3Clients custom = S3ClientFactory.clients(settings(Optional.empty(), Optional.of(ENDPOINT)),
                S3Tuning.DEFAULT);
             S3Clients aws = S3ClientFactory.clients(settings(Optional.of("eu-west-1"), Optional.empty()),
                     S3Tuning.DEFAULT)) {
            URI pathStyle = presign(custom);
            URI virtualHost = presign(aws);

            assertEquals("127.0.0.1", pathStyle.getHost());
            assertEquals("/offsite/pg-backups/a001.dump", pathStyle.getPath());
            assertEquals("offsite.s3.eu-west-1.amazonaws.com", virtualHost.getHost());
            assertEquals("/pg-backups/a001.dump", virtualHost.getPath());
        }
    }

    @Test
    void missingBucketIsAConfigurationProblemNamingTheVariable() {
        S3Settings noBucket = new S3Settings(Optional.empty(), Optional.empty(), Optional.of("eu-west-1"),
                Optional.empty(), Optional.empty(), "pg-backups/", 30, 26);
        try (S3Clients clients = S3ClientFactory.clients(noBucket, S3Tuning.DEFAULT)) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> S3ClientFactory.store(noBucket, clients, S3Tuning.DEFAULT));
            assertTrue(e.getMessage().contains("LIFEBOAT_BACKUP_BUCKET is not set"), e.getMessage());
        }
    }

    private static URI presign(S3Clients clients) {
        return URI.create(clients.presigner().presignGetObject(r -> r.signatureDuration(java.time.Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket("offsite").key("pg-backups/a001.dump"))).url().toString());
    }

    private static S3Settings settings(Optional<String> region, Optional<URI> endpoint) {
        return new S3Settings(Optional.of("AKIAEXAMPLE"), Optional.of(new Secret("s3cr3t-value")), region, endpoint,
                Optional.of("offsite"), "pg-backups/", 30, 26);
    }
}
