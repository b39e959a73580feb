package dev.lifeboat.testing;

import dev.lifeboat.leader.LeaderLeases;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link LeaderLeases} in memory, with the store's rules; {@link #fail} makes it throw as an unreachable store. */
public final class InMemoryLeaderLeases implements LeaderLeases {
    private final Map<String, Holder> held = new HashMap<>();
    private volatile boolean failing;

    public void fail(boolean failing) {
        this.failing = failing;
    }

    @Override
    public synchronized boolean hold(String name, String owner, Instant now, Instant until) {
        if (failing) {
            throw new IllegalStateException("the state store does not answer");
        }
        Holder h = held.get(name);
        if (h != null && !h.owner().equals(owner) && !h.until().isBefore(now)) {
            return false;
        }
        held.put(name, new Holder(owner, until));
        return true;
    }

    @Override
    public synchronized void release(String name, String owner) {
        held.computeIfPresent(name, (n, h) -> h.owner().equals(owner) ? null : h);
    }

    @Override
    public synchronized Optional<Holder> holder(String name) {
        return Optional.ofNullable(held.get(name));
    }
}
