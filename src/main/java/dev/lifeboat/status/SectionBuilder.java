package dev.lifeboat.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects a section's facts and the worst health they contribute; "not configured" counts only when alone. */
final class SectionBuilder {
    private final String name;
    private final String kind;
    private final List<String> facts = new ArrayList<>();
    private Health worst;
    private boolean onlyUnconfigured = true;

    SectionBuilder(String kind) {
        this(kind, Optional.empty());
    }

    /** {@code kind} names the section in the diagnosis ("App"), {@code subject} only in its heading. */
    SectionBuilder(String kind, Optional<String> subject) {
        this.kind = kind;
        this.name = kind + subject.map(s -> " (" + s + ")").orElse("");
    }

    void add(Health health, String fact) {
        facts.add(fact);
        if (health == Health.NOT_CONFIGURED) {
            return;
        }
        onlyUnconfigured = false;
        worst = worst == null || health.ordinal() > worst.ordinal() ? health : worst;
    }

    /** Records a missing fact: "not configured", or unknown with its reason (and named as unanswered). */
    void gap(String label, Fetched<?> fetched, Signals signals) {
        if (fetched.gap() == Fetched.Gap.NOT_CONFIGURED) {
            add(Health.NOT_CONFIGURED, label + ": _" + fetched.why() + "_");
        } else {
            add(Health.UNKNOWN, label + ": :grey_question: " + fetched.why());
            signals.unanswered.add(kind + " (" + label + ")");
        }
    }

    Section build() {
        Health health = worst != null ? worst : onlyUnconfigured ? Health.NOT_CONFIGURED : Health.OK;
        return new Section(name, health, facts);
    }
}
