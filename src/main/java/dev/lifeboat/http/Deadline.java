package dev.lifeboat.http;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.Call;

/**
 * The time by which the work running on this thread must end, e.g. a status round's deadline. Calls made inside
 * {@link #within} carry it: {@link JsonHttp} cuts the call there, and {@link RetryInterceptor} never sleeps past it
 * (a {@code Retry-After} longer than the time left means: don't wait, report the rate limit). Work run through a
 * {@link Calls} also has its HTTP calls tracked, so whoever gave up on the work can cancel them at once.
 */
public final class Deadline {
    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    private record Frame(long deadlineNanos, Calls calls) {
    }

    private Deadline() {
    }

    /**
     * The HTTP calls of one piece of work with a deadline (a status round), wherever they run. {@link #end()} cancels
     * those still open (OkHttp {@link Call#cancel()}: the socket is closed and the waiting thread freed) and any
     * call started afterwards, so nothing the work gave up on keeps a thread or a connection.
     */
    public static final class Calls {
        private final long deadlineNanos;
        private final Set<Call> open = ConcurrentHashMap.newKeySet();
        private volatile boolean ended;

        /** Calls that end by {@code deadlineNanos} ({@link System#nanoTime()} based). */
        public Calls(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        /** Runs {@code work} on this thread with this deadline, its calls tracked here. */
        public <T> T run(Supplier<T> work) {
            return Deadline.within(new Frame(deadlineNanos, this), work);
        }

        /** Ends the work: cancels every call still open and any call started later; returns how many were open. */
        public int end() {
            ended = true;
            int cancelled = 0;
            for (Call call : open) {
                if (open.remove(call)) {
                    call.cancel();
                    cancelled++;
                }
            }
            return cancelled;
        }

        public boolean ended() {
            return ended;
        }

        /** How many calls are open right now. */
        public int openCalls() {
            return open.size();
        }

        private void track(Call call) {
            open.add(call);
            if (ended) {
                // Ended while this call was being made: it must not run on.
                open.remove(call);
                call.cancel();
            }
        }

        private void untrack(Call call) {
            open.remove(call);
        }
    }

    /** While open, a call is tracked by the work it belongs to; closing it (after the response) stops tracking. */
    public interface Tracked extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code work} with a deadline of {@code deadlineNanos} ({@link System#nanoTime()} based). */
    public static <T> T within(long deadlineNanos, Supplier<T> work) {
        return within(new Frame(deadlineNanos, null), work);
    }

    private static <T> T within(Frame frame, Supplier<T> work) {
        Frame outer = CURRENT.get();
        Frame inner = outer == null ? frame : new Frame(Math.min(outer.deadlineNanos(), frame.deadlineNanos()),
                frame.calls() != null ? frame.calls() : outer.calls());
        CURRENT.set(inner);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Tracks {@code call} for the work on this thread (if it runs through a {@link Calls}) until the returned handle
     * is closed; a call made after that work ended is cancelled at once.
     */
    public static Tracked track(Call call) {
        Frame frame = CURRENT.get();
        if (frame == null || frame.calls() == null) {
            return () -> { };
        }
        Calls calls = frame.calls();
        calls.track(call);
        return () -> calls.untrack(call);
    }

    /** The deadline of the work on this thread, if it has one. */
    public static Optional<Long> current() {
        return Optional.ofNullable(CURRENT.get()).map(Frame::deadlineNanos);
    }

    /** Nanoseconds left before the current deadline (never negative), if there is one. */
    public static Optional<Long> nanosLeft() {
        return current().map(d -> Math.max(0, d - System.nanoTime()));
    }
}
