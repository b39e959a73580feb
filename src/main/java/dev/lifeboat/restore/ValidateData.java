package dev.lifeboat.restore;

import dev.lifeboat.app.Failures;
import dev.lifeboat.config.Secret;
import dev.lifeboat.config.ValidationSql;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Runs each {@code LIFEBOAT_VALIDATION_SQL} check against the restored database, read-only and within a statement
 * timeout; every one must return true or non-zero. The database's URL is read from the target app's
 * {@code DATABASE_URL} config var and never shown. Skipped when no checks are configured. Only reads.
 */
final class ValidateData extends NamedStep {
    private final RestoreParts parts;
    private final String app;

    ValidateData(RestoreParts parts, String app, String id) {
        super(id, "Validate the restored data",
                parts.timings.callTimeout().plus(parts.timings.statementTimeout().multipliedBy(statements(parts).size())));
        this.parts = parts;
        this.app = app;
    }

    private static List<String> statements(RestoreParts parts) {
        return parts.runtime.validationSql().map(ValidationSql::statements).orElse(List.of());
    }

    @Override
    public StepOutcome run(StepContext context) {
        List<String> statements = statements(parts);
        if (statements.isEmpty()) {
            return StepOutcome.skipped("no checks configured (set LIFEBOAT_VALIDATION_SQL)");
        }
        Optional<Secret> url;
        try {
            url = parts.heroku().configVars(app).secret("DATABASE_URL");
        } catch (UpstreamException e) {
            return Failures.of(e, "reading " + app + "'s DATABASE_URL");
        }
        if (url.isEmpty()) {
            return StepOutcome.failed(app + " has no DATABASE_URL config var to validate against.");
        }
        context.progress("running " + statements.size() + (statements.size() == 1 ? " check" : " checks"));
        List<DatabaseChecks.Result> results;
        try {
            results = parts.checks.run(url.get(), statements, parts.timings.statementTimeout());
        } catch (DatabaseChecks.Unreachable e) {
            return StepOutcome.retryable("Validation " + e.getMessage() + ".");
        }
        List<DatabaseChecks.Result> failed = results.stream().filter(r -> !r.passed()).toList();
        if (failed.isEmpty()) {
            return StepOutcome.succeeded(results.size() + (results.size() == 1 ? " check" : " checks") + " passed");
        }
        StringBuilder why = new StringBuilder(failed.size() + " of " + results.size() + " checks failed:");
        for (DatabaseChecks.Result r : failed) {
            why.append(" `").append(shorten(r.statement())).append("` ").append(r.detail()).append(';');
        }
        return StepOutcome.failed(why.substring(0, why.length() - 1) + ".");
    }

    private static String shorten(String sql) {
        String one = sql.replaceAll("\\s+", " ").replace('`', '\'');
        return one.length() > 120 ? one.substring(0, 119) + "…" : one;
    }
}
