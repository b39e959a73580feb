package dev.lifeboat.heroku;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Wire shapes of {@code GET /apps/{app}/addons} and {@code POST /actions/addon-attachments/resolve}. */
final class AddonJson {
    private AddonJson() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Addon(String id, String name, NamedRef plan, NamedRef app, NamedRef addonService, List<String> configVars,
                 String state) {
        Addon {
            configVars = configVars == null ? List.of() : List.copyOf(configVars);
        }

        boolean isPostgres() {
            return plan != null && plan.name() != null && plan.name().startsWith(PostgresAddon.PLAN_PREFIX);
        }

        boolean ownedBy(String app) {
            return this.app == null || app.equals(this.app.name()) || app.equals(this.app.id());
        }

        PostgresAddon toPostgresAddon(String askedApp) {
            return new PostgresAddon(id, name, plan == null ? null : plan.name(),
                    app == null || app.name() == null ? askedApp : app.name());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Attachment(String id, String name, Addon addon, NamedRef app) {
    }
}
