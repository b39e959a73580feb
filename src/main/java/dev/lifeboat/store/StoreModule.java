package dev.lifeboat.store;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.audit.AuditHealth;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.audit.AuditTimings;
import dev.lifeboat.audit.JdbcAuditLog;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.health.CachedCheck;
import dev.lifeboat.health.HealthBoard;
import dev.lifeboat.incident.IncidentStore;
import dev.lifeboat.leader.LeaderLeases;
import dev.lifeboat.offsite.OffsiteLedger;
import dev.lifeboat.health.HealthPart;
import dev.lifeboat.monitor.MonitorStates;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.schedule.ScheduleStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The state store and what lives in it, and their parts of {@code /healthz}. The database opens (and migrates) when
 * first needed, not here.
 */
public final class StoreModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(StoreTimeouts.class).toInstance(StoreTimeouts.DEFAULT);
        bind(AuditTimings.class).toInstance(AuditTimings.DEFAULT);
        OptionalBinder.newOptionalBinder(binder(), OffsiteLedger.class).setBinding().to(JdbcOffsiteLedger.class);
    }

    @Provides
    @Singleton
    AuditLog auditLog(Database database, HealthBoard health, AuditTimings timings, Lifecycle lifecycle) {
        return lifecycle.manage(new JdbcAuditLog(database.dataSource(), health, timings));
    }

    @Provides
    @Singleton
    RunStore runStore(Database database, Clock clock) {
        return new JdbcRunStore(database.dataSource(), clock);
    }

    @Provides
    @Singleton
    IncidentStore incidentStore(Database database) {
        return new JdbcIncidentStore(database.dataSource());
    }

    @Provides
    @Singleton
    LeaderLeases leaderLeases(Database database) {
        return new JdbcLeaderLeases(database.dataSource());
    }

    @Provides
    @Singleton
    JdbcOffsiteLedger offsiteLedger(Database database) {
        return new JdbcOffsiteLedger(database.dataSource());
    }

    @Provides
    @Singleton
    ScheduleStore scheduleStore(Database database) {
        return new JdbcScheduleStore(database.dataSource());
    }

    @Provides
    @Singleton
    MonitorStates monitorStates(Database database) {
        return new JdbcMonitorStates(database.dataSource());
    }

    @Provides
    @Singleton
    Database database(RuntimeSettings settings, StoreTimeouts timeouts, Lifecycle lifecycle) {
        return lifecycle.manage(Database.open(settings, timeouts));
    }

    @Provides
    DataSource dataSource(Database database) {
        return database.dataSource();
    }

    /** {@code /healthz}: the store answers a trivial query (cached a second). */
    @ProvidesIntoSet
    @Singleton
    HealthPart storeHealth(DataSource dataSource, Lifecycle lifecycle) {
        CachedCheck check = StoreHealth.part(dataSource);
        lifecycle.manage(check::close);
        return check;
    }

    /** {@code /healthz}: the audit writer (failing, entries waiting, entries set aside). */
    @ProvidesIntoSet
    @Singleton
    HealthPart auditHealth(AuditLog audit) {
        return AuditHealth.part(audit);
    }
}
