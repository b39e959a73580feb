package dev.lifeboat.restore;

import dev.lifeboat.config.Redact;
import java.net.URI;
import java.util.Optional;

/** What a restore reads: a Heroku backup, an offsite copy in S3, or a dump at an https URL. */
sealed interface Source {
    /** How a person names it: {@code b012}, {@code s3:pg-backups/acme/a012.dump}, or the URL without its query. */
    String label();

    /** A Heroku backup of the origin app, by its CLI name ({@code b012}, {@code a034}). */
    record HerokuBackup(String name) implements Source {
        @Override
        public String label() {
            return name;
        }
    }

    /** An offsite copy, handed to Heroku as a presigned GET URL. */
    record Offsite(String key) implements Source {
        @Override
        public String label() {
            return "s3:" + key;
        }
    }

    /**
     * A dump at an https URL. {@code kept} is the URL itself when it holds no credential (no query string, no user
     * info) and may be persisted with the run; a signed URL is held only in memory ({@link SignedUrls}).
     */
    record Url(String shown, Optional<URI> kept) implements Source {
        static Url of(URI url) {
            boolean secret = url.getRawQuery() != null || url.getRawUserInfo() != null;
            return new Url(Redact.url(url.toString()), secret ? Optional.empty() : Optional.of(url));
        }

        @Override
        public String label() {
            return shown;
        }
    }
}
