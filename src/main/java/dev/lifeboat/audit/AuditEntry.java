package dev.lifeboat.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the append-only audit log. {@code commandText} is stored redacted.
 *
 * @param at          when
 * @param actorId     Slack user id or {@code console:NAME}
 * @param actorName   display name when known
 * @param surface     slack or console
 * @param channel     Slack channel id, when any
 * @param commandText what was run, secrets redacted
 * @param outcome     ok, denied, unknown-command, bad-input, failed, error
 * @param detail      a short explanation (never secret)
 * @param runId       ties the entry to logs and to a runbook run
 */
public record AuditEntry(
        Instant at,
        String actorId,
        String actorName,
        String surface,
        Optional<String> channel,
        String commandText,
        String outcome,
        Optional<String> detail,
        String runId) {
}
