package dev.lifeboat.store;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.audit.JdbcAuditLog;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.runbook.RunStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

/** The state store and what lives in it. The database opens (and migrates) when first needed, not here. */
public final class StoreModule extends AbstractModule {
    @Provides
    @Singleton
    AuditLog auditLog(Database database, Lifecycle lifecycle) {
        return lifecycle.manage(new JdbcAuditLog(database.dataSource()));
    }

    @Provides
    @Singleton
    RunStore runStore(Database database, Clock clock) {
        return new JdbcRunStore(database.dataSource(), clock);
    }

    @Provides
    @Singleton
    Database database(RuntimeSettings settings, Lifecycle lifecycle) {
        return lifecycle.manage(Database.open(settings));
    }

    @Provides
    DataSource dataSource(Database database) {
        return database.dataSource();
    }
}
