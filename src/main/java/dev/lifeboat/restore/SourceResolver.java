package dev.lifeboat.restore;

import dev.lifeboat.command.UsageException;
import dev.lifeboat.config.Redact;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.s3.OffsiteStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the BACKUP word of {@code restore} into a source the card can describe: {@code latest} (the newest backup
 * that succeeded), a backup name ({@code b012}, {@code a034}), {@code s3:KEY} (an offsite copy; a bare file name is
 * looked up under the app's prefix) or an {@code https://} URL. Anything else is refused with the reason.
 */
final class SourceResolver {
    static final String ACCEPTED = "give `latest`, a backup name like `b012` or `a034`, `s3:KEY` for an offsite copy,"
            + " or an `https://` URL of a dump";
    private static final Pattern BACKUP_NAME = Pattern.compile("[ab]\\d{1,18}");
    /** Longer names do not fit a run's title (the query of a signed URL does not count: it is never shown). */
    static final int MAX_SHOWN = 500;

    /** A source as the card shows it; {@code signedUrl} is the URL to keep in memory only. */
    record Resolved(Source source, String description, Optional<Instant> dataAsOf, Optional<URI> signedUrl) {
    }

    private final RestoreParts parts;

    SourceResolver(RestoreParts parts) {
        this.parts = parts;
    }

    Resolved resolve(Optional<String> word, String origin) {
        String w = word.orElse("latest");
        String lower = w.toLowerCase(Locale.ROOT);
        if (lower.equals("latest")) {
            return latest(origin, parts.backups().transfers(origin));
        }
        if (BACKUP_NAME.matcher(lower).matches()) {
            return named(origin, lower);
        }
        if (lower.startsWith("s3:")) {
            return offsite(origin, w.substring(3));
        }
        if (lower.startsWith("https://")) {
            return url(w);
        }
        if (lower.startsWith("http://")) {
            throw new UsageException("Heroku fetches a dump only over https: give an `https://` URL, not `"
                    + Redact.url(w) + "`.");
        }
        if (lower.equals("staging") || lower.equals("production")) {
            throw new UsageException("`" + w + "` is not a backup; to choose where the restore goes, say `to " + lower + "`.");
        }
        throw new UsageException("`" + Redact.url(w) + "` is not a backup: " + ACCEPTED + ".");
    }

    /** The newest backup of {@code origin} that succeeded, the one {@code pg:backups:restore} picks by default. */
    Resolved latest(String origin, List<Transfer> transfers) {
        Transfer newest = Transfers.latestSucceededBackup(transfers).orElseThrow(() -> new UsageException(
                origin + " has no backup that succeeded, so there is nothing to restore (`/dr backups` lists them)."));
        return backup(origin, newest);
    }

    /** The newest offsite copy of {@code origin}'s backups, when S3 is configured and holds one. */
    Optional<Resolved> newestOffsite(String origin, List<Transfer> transfers) {
        if (!parts.hasOffsite()) {
            return Optional.empty();
        }
        return parts.offsite().list(parts.targets.offsitePrefix()).stream().findFirst()
                .map(copy -> copy(origin, parts.offsite().head(copy.key()), transfers));
    }

    private Resolved named(String origin, String name) {
        long num = Transfers.parseNum(name).orElseThrow();
        List<Transfer> transfers = parts.backups().transfers(origin);
        Transfer t = transfers.stream().filter(x -> x.num() == num).findFirst().orElseThrow(() -> new UsageException(
                "There is no backup " + name + " of " + origin + " (`/dr backups` lists them)."));
        if (t.kind() != TransferKind.BACKUP) {
            throw new UsageException(t.name() + " is a " + t.kind().name().toLowerCase(Locale.ROOT)
                    + ", not a backup of " + origin + " (`/dr backups` lists the backups).");
        }
        if (t.status() != TransferStatus.COMPLETED) {
            throw new UsageException(t.name() + " cannot be restored: it " + (t.isFinished()
                    ? "did not succeed (" + t.statusText() + ")" : "has not finished yet")
                    + ". Choose another (`/dr backups` lists them).");
        }
        return backup(origin, t);
    }

    private Resolved backup(String origin, Transfer t) {
        String description = "*" + t.name() + "* — Heroku backup of " + origin + "\nfinished "
                + Times.utc(t.finishedAt()) + " · " + Transfers.humanBytes(t.processedBytes());
        return new Resolved(new Source.HerokuBackup(t.name()), description, Optional.of(taken(t)), Optional.empty());
    }

    private Resolved offsite(String origin, String given) {
        if (given.isBlank()) {
            throw new UsageException("`s3:` needs the copy's key, e.g. `s3:" + parts.targets.offsitePrefix()
                    + "a012.dump` (`/dr backups` lists the copies).");
        }
        if (!parts.hasOffsite()) {
            throw new UsageException("Offsite copies are not configured here (set LIFEBOAT_BACKUP_BUCKET), so `s3:"
                    + given + "` cannot be read.");
        }
        String key = given.contains("/") ? given : parts.targets.offsitePrefix() + given;
        if (key.length() > MAX_SHOWN) {
            throw new UsageException("That key is too long (" + key.length() + " characters; at most " + MAX_SHOWN
                    + ").");
        }
        OffsiteCopy copy;
        try {
            copy = parts.offsite().head(key);
        } catch (UpstreamException e) {
            if (e.failure() == Failure.NOT_FOUND) {
                throw new UsageException("There is no offsite copy `" + key + "` in s3://" + parts.offsite().bucket()
                        + " (`/dr backups` lists the copies).");
            }
            throw e;
        }
        return copy(origin, copy, parts.backups().transfers(origin));
    }

    private Resolved copy(String origin, OffsiteCopy copy, List<Transfer> transfers) {
        Optional<String> of = copy.metadata().flatMap(m -> m.sourceBackup());
        Optional<Transfer> backup = of.flatMap(name -> Transfers.byName(transfers, name));
        Instant asOf = backup.map(SourceResolver::taken).orElse(copy.lastModified());
        String description = "*" + copy.fileName() + "* — offsite copy in s3://" + parts.offsite().bucket()
                + of.map(name -> " of " + origin + "'s backup " + name).orElse("") + "\nwritten "
                + Times.utc(copy.lastModified()) + " · " + Transfers.humanBytes(copy.size())
                + (backup.isEmpty() ? "\n_its backup is no longer listed by Heroku: its age counts from the copy_" : "");
        return new Resolved(new Source.Offsite(copy.key()), description, Optional.of(asOf), Optional.empty());
    }

    private static Resolved url(String word) {
        String withoutFragment = word.contains("#") ? word.substring(0, word.indexOf('#')) : word;
        URI uri;
        try {
            uri = new URI(withoutFragment);
        } catch (URISyntaxException e) {
            throw new UsageException("`" + Redact.url(word) + "` is not a valid URL (" + e.getReason() + ").");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new UsageException("`" + Redact.url(word) + "` is not a valid URL: it names no host.");
        }
        Source.Url source = Source.Url.of(uri);
        int shown = withoutFragment.split("\\?", 2)[0].length();
        if (shown > MAX_SHOWN) {
            throw new UsageException("That URL is too long (" + shown + " characters before its query; at most "
                    + MAX_SHOWN + ").");
        }
        String description = "*" + source.shown() + "* — a dump at a URL\nits time and size are not known";
        return new Resolved(source, description, Optional.empty(),
                source.kept().isPresent() ? Optional.empty() : Optional.of(uri));
    }

    /** When the backup's data was taken: pg_dump reads one snapshot from its start. */
    private static Instant taken(Transfer t) {
        return t.startedAt() != null ? t.startedAt() : t.createdAt();
    }
}
