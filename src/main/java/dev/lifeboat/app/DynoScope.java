package dev.lifeboat.app;

import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.runbook.RunParams;
import java.util.Map;
import java.util.Optional;

/**
 * Which dynos a restart means: all of them, one process type ({@code web}) or one dyno ({@code web.1}).
 *
 * @param name the process type or the dyno's name; empty for all
 */
public record DynoScope(Kind kind, Optional<String> name) {
    static final String KIND = "scope";
    static final String NAME = "scope-name";

    /** What a scope names. */
    public enum Kind { ALL, TYPE, DYNO }

    public static DynoScope all() {
        return new DynoScope(Kind.ALL, Optional.empty());
    }

    static DynoScope type(String type) {
        return new DynoScope(Kind.TYPE, Optional.of(type));
    }

    static DynoScope dyno(String dyno) {
        return new DynoScope(Kind.DYNO, Optional.of(dyno));
    }

    /**
     * Process types of one-off dynos ({@code heroku run}, Heroku Scheduler, a release phase): not part of the
     * formation, so "every dyno" does not wait for them to come back.
     */
    static final java.util.Set<String> ONE_OFF = java.util.Set.of("run", "scheduler", "release");

    boolean matches(Dyno dyno) {
        return switch (kind) {
            case ALL -> !ONE_OFF.contains(dyno.type());
            case TYPE -> name.orElseThrow().equals(dyno.type());
            case DYNO -> name.orElseThrow().equals(dyno.name()) || name.orElseThrow().equals(dyno.id());
        };
    }

    /** "acme-prod's dynos", "acme-prod's web dynos", "web.1 of acme-prod". */
    String of(String app) {
        return switch (kind) {
            case ALL -> app + "'s dynos";
            case TYPE -> app + "'s " + name.orElseThrow() + " dynos";
            case DYNO -> name.orElseThrow() + " of " + app;
        };
    }

    /** The words after {@code restart} that ask for this scope again ("", " web", " web.1"). */
    String words() {
        return name.map(n -> " " + n).orElse("");
    }

    void into(Map<String, String> params) {
        params.put(KIND, kind.name().toLowerCase(java.util.Locale.ROOT));
        name.ifPresent(n -> params.put(NAME, n));
    }

    static DynoScope from(RunParams params) {
        Kind kind = Kind.valueOf(params.require(KIND).toUpperCase(java.util.Locale.ROOT));
        return new DynoScope(kind, kind == Kind.ALL ? Optional.empty() : Optional.of(params.require(NAME)));
    }
}
