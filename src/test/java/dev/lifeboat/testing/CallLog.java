package dev.lifeboat.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The calls that changed something, in order, across the recording fakes of a test. */
public final class CallLog {
    private final List<String> calls = new ArrayList<>();

    public synchronized void add(String call) {
        calls.add(call);
    }

    public synchronized List<String> all() {
        return List.copyOf(calls);
    }

    public synchronized long count(Predicate<String> which) {
        return calls.stream().filter(which).count();
    }

    public long count(String prefix) {
        return count(c -> c.startsWith(prefix));
    }
}
