package dev.lifeboat.backups;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.demo.DemoPgBackups;
import dev.lifeboat.demo.DemoS3;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.status.Fetched;
import dev.lifeboat.status.StatusFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupsReportTest {
    static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final DemoPgBackups backups = new DemoPgBackups(clock);
    final DemoS3 s3 = new DemoS3(clock);

    String render(List<Transfer> transfers, Fetched<List<OffsiteCopy>> copies, Duration maxAge) {
        StatusFacts facts = new StatusFacts(NOW, Duration.ofSeconds(4), Optional.of("lifeboat-demo"),
                Fetched.notConfigured(""), Fetched.notConfigured(""), Fetched.notConfigured(""), Fetched.notConfigured(""),
                Fetched.notConfigured(""), Fetched.of(transfers), Fetched.of(List.of()), copies,
                Fetched.of(List.of()), Fetched.notConfigured(""), Fetched.notConfigured(""), Fetched.notConfigured(""), Fetched.notConfigured(""),
                Fetched.notConfigured(""), maxAge);
        return TextRenderer.render(BackupsReport.render(facts));
    }

    @Test
    void listsTheNewestTenWithTheirOffsiteCopies() {
        String text = render(backups.transfers("lifeboat-demo"), Fetched.of(s3.list(DemoS3.SEED_PREFIX)), Duration.ofHours(26));

        assertTrue(text.startsWith("Backups of lifeboat-demo\n"), text);
        assertTrue(text.contains("Newest 10 of 12 backups (offsite: ✓ copied, ✗ missing)\na012 2026-11-27 02:03 UTC (6 h 56 min ago) · 90.00 MB · completed · offsite ✓ size matches, no checksum recorded\n"), text);
        assertTrue(text.contains("… and 2 older backups on Heroku."), text);
        assertTrue(text.contains("⚠️ No backup schedule."), text);
    }

    @Test
    void missingAndWrongSizedCopiesAndStaleBackupsAreFlagged() {
        List<OffsiteCopy> copies = new ArrayList<>(s3.list(DemoS3.SEED_PREFIX));
        OffsiteCopy a012 = copies.remove(0);
        OffsiteCopy a011 = copies.remove(0);
        copies.add(0, new OffsiteCopy(a011.key(), a011.size() / 2, a011.lastModified(), Optional.empty()));

        String text = render(backups.transfers("lifeboat-demo"), Fetched.of(copies), Duration.ofHours(3));

        assertTrue(text.contains("a012 2026-11-27 02:03 UTC (6 h 56 min ago) · 90.00 MB · completed · offsite ✗ · ⚠️ older than 3 h"), text);
        assertTrue(text.contains("a011 2026-11-26 02:03 UTC (30 h 56 min ago) · 89.64 MB · completed · offsite ⚠️ 44.82 MB, size differs"), text);
        assertTrue(!text.contains(a012.key()));
    }

    @Test
    void copiesWhoseBackupAgedOutAreCounted() {
        List<Transfer> recent = backups.transfers("lifeboat-demo").subList(5, 12);

        String text = render(recent, Fetched.of(s3.list(DemoS3.SEED_PREFIX)), Duration.ofHours(26));

        assertTrue(text.contains("5 offsite copies have no Heroku backup left (older than Heroku's retention)"), text);
    }

    @Test
    void anUnconfiguredOffsiteStoreIsSaidOnceAndNoColumnIsShown() {
        String text = render(backups.transfers("lifeboat-demo"), Fetched.notConfigured("not configured (set LIFEBOAT_BACKUP_BUCKET)"),
                Duration.ofHours(26));

        assertTrue(text.contains("Offsite copies: not configured (set LIFEBOAT_BACKUP_BUCKET)"), text);
        assertTrue(!text.contains("offsite ✓") && !text.contains("offsite ✗"), text);
    }
}
