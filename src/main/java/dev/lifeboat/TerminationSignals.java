package dev.lifeboat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (Heroku stopping a dyno) and SIGINT (Ctrl-C) run a graceful stop and then exit 0: a stop that was asked
 * for is not a failure. (A JVM ended by a signal through shutdown hooks alone exits 143.) This is the one use of
 * {@code sun.misc.Signal}, exported by the {@code jdk.unsupported} module for exactly this; javac warns about it.
 */
final class TerminationSignals {
    private static final Logger log = LoggerFactory.getLogger(TerminationSignals.class);

    private TerminationSignals() {
    }

    /** On SIGTERM or SIGINT: runs {@code stop}, then exits with status 0. */
    static void onTerminate(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    log.info("event=signal name=SIG{}", signal.getName());
                    stop.run();
                    System.exit(0);
                });
            } catch (IllegalArgumentException e) {
                // Not every platform lets a program handle every signal; the shutdown hook still stops gracefully.
                log.warn("event=signal_not_handled name=SIG{} error=\"{}\"", name, e.getMessage());
            }
        }
    }
}
