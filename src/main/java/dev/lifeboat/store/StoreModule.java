package dev.lifeboat.store;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.audit.AuditTimings;
import dev.lifeboat.audit.JdbcAuditLog;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.health.HealthBoard;
import dev.lifeboat.leader.LeaderLeases;
import dev.lifeboat.monitor.MonitorStates;
import dev.lifeboat.runbook.RunStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

/** The state store and what lives in it. The database opens (and migrates) when first needed, not here. */
public final class StoreModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(StoreTimeouts.class).toInstance(StoreTimeouts.DEFAULT);
        bind(AuditTimings.class).toInstance(AuditTimings.DEFAULT);
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
    LeaderLeases leaderLeases(Database database) {
        return new JdbcLeaderLeases(database.dataSource());
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
}
