package dev.lifeboat.status;

import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.HerokuApp;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.Site;
import dev.lifeboat.offsite.CopyRecord;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferSchedule;
import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.s3.OffsiteCopy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one status round gathered, each fact with its own outcome. {@code copyRecords} is what Lifeboat's state
 * store says about the copies it made (size compared, SHA-256 recorded), read beside the S3 listing.
 */
public record StatusFacts(
        Instant asOf,
        Duration deadline,
        Optional<String> herokuApp,
        Fetched<HerokuApp> app,
        Fetched<List<Dyno>> dynos,
        Fetched<List<Release>> releases,
        Fetched<ProbeResult> appProbe,
        Fetched<Optional<PostgresAddon>> addon,
        Fetched<List<Transfer>> transfers,
        Fetched<List<TransferSchedule>> schedules,
        Fetched<List<OffsiteCopy>> copies,
        Fetched<List<CopyRecord>> copyRecords,
        Fetched<Site> site,
        Fetched<List<Deploy>> deploys,
        Fetched<ProbeResult> siteProbe,
        Fetched<PlatformStatus> herokuStatus,
        Fetched<PlatformStatus> netlifyStatus,
        Duration maxBackupAge) {
}
