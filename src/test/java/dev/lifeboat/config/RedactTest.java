package dev.lifeboat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactTest {
    @Test
    void signedUrlsLoseTheirQueryString() {
        assertEquals("restore https://bucket.s3.amazonaws.com/pg-backups/a012.dump?…",
                Redact.text("restore https://bucket.s3.amazonaws.com/pg-backups/a012.dump?X-Amz-Signature=abc&X-Amz-Credential=AKIA"));
    }

    @Test
    void slackTokensAndBearerValuesAreHidden() {
        assertEquals("token **** and Bearer ****", Redact.text("token xoxb-123-456-abc and Bearer abcdef0123456789"));
    }

    @Test
    void urlCredentialsAreHidden() {
        assertEquals("postgres://****@db.example.com:5432/x", Redact.text("postgres://user:pw@db.example.com:5432/x"));
    }
}
