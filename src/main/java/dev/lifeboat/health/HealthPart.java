package dev.lifeboat.health;

/**
 * A part of Lifeboat that {@code /healthz} asks how it is doing (the state store, the audit writer, the Slack
 * connection). {@link #check()} is called for every health request, so it must be cheap or cached
 * ({@link CachedCheck}) and must never block for long.
 */
public interface HealthPart {
    /** The part's name in {@code /healthz}: {@code slack}, {@code store}, {@code audit}. */
    String name();

    PartHealth check();

    /** A part whose state comes from {@code check}. */
    static HealthPart of(String name, java.util.function.Supplier<PartHealth> check) {
        return new HealthPart() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public PartHealth check() {
                return check.get();
            }
        };
    }
}
