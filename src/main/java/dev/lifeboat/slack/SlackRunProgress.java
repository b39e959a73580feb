package dev.lifeboat.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.lifeboat.config.Secret;
import dev.lifeboat.config.SlackSettings;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunListener;
import dev.lifeboat.runbook.RunStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every run's one message in the incident channel ({@code LIFEBOAT_INCIDENT_CHANNEL}). The run's first event posts
 * it; its channel and ts are kept with the run, so a run resumed after a restart edits the same message. Later
 * events only mark the message as changed: a background thread edits it with {@code chat.update} at most once per
 * {@link #EDIT_INTERVAL}, always with the run's latest state (read back from the store), so a burst of progress
 * becomes one edit and the final state is never dropped. Events people should hear of become thread replies, in
 * order, at most one per {@link #REPLY_INTERVAL}. A 429 delays the next call by its {@code Retry-After}; other
 * transient failures back off; nothing the engine does ever waits on Slack.
 */
@Singleton
final class SlackRunProgress implements RunListener {
    static final String CHANNEL_KEY = "slack.channel";
    static final String TS_KEY = "slack.ts";
    static final Duration EDIT_INTERVAL = Duration.ofSeconds(1);
    static final Duration REPLY_INTERVAL = Duration.ofSeconds(1);
    /** Transient failures in a row after which a message is left alone until the run's next event. */
    static final int MAX_FAILURES = 8;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(SlackRunProgress.class);

    private final MethodsClient slack;
    private final Optional<String> incidentChannel;
    private final RunStore store;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final AtomicBoolean toldNoChannel = new AtomicBoolean();

    @Inject
    SlackRunProgress(Slack slack, SlackSettings settings, RunStore store, Clock clock,
                     @Named("slack-progress") ScheduledExecutorService scheduler) {
        this.slack = slack.methods(settings.botToken().map(Secret::reveal).orElse(null));
        this.incidentChannel = settings.incidentChannel();
        this.store = store;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Override
    public void changed(Run run, RunEvent event) {
        Optional<String> channel = Optional.ofNullable(run.annotations().get(CHANNEL_KEY)).or(() -> incidentChannel);
        if (channel.isEmpty()) {
            if (toldNoChannel.compareAndSet(false, true)) {
                log.warn("event=run_progress_not_posted reason=\"LIFEBOAT_INCIDENT_CHANNEL is not set\" run={}", run.id());
            }
            return;
        }
        boolean posted = run.annotations().containsKey(TS_KEY);
        if (!posted && run.startedAt().isEmpty() && !messages.containsKey(run.id())) {
            return;  // A confirmation card cancelled before it started: nothing for the channel.
        }
        while (true) {
            Message message = messages.computeIfAbsent(run.id(), id -> new Message(id, channel.get(),
                    Optional.ofNullable(run.annotations().get(TS_KEY))));
            if (message.offer(run, event)) {
                return;
            }
            messages.remove(run.id(), message);
        }
    }

    /** How a call to Slack went. */
    private enum Result { OK, RETRY, GONE, REFUSED }

    /** One run's message: what has changed since the last edit, and the replies waiting for the thread. */
    private final class Message {
        private final String runId;
        private final String channel;
        private String ts;
        private Run latest;
        private boolean dirty;
        private final Deque<String> replies = new ArrayDeque<>();
        private long notBefore = System.nanoTime();
        private long nextEdit = notBefore;
        private long nextReply = notBefore;
        private boolean scheduled;
        private boolean closed;
        private boolean ended;
        private int failures;
        private long retryAfterNanos;

        Message(String runId, String channel, Optional<String> ts) {
            this.runId = runId;
            this.channel = channel;
            this.ts = ts.orElse(null);
        }

        /** Takes an event; false when this message was just closed (the caller starts a fresh one). */
        synchronized boolean offer(Run run, RunEvent event) {
            if (closed) {
                return false;
            }
            latest = run;
            dirty = true;
            ended |= event.kind() == RunEvent.Kind.FINISHED;
            if (event.kind().notifies()) {
                replies.add(RunMessage.threadReply(run, event));
            }
            schedule();
            return true;
        }

        /** Schedules the next flush when there is work and none is scheduled; closes a message with nothing left. */
        private void schedule() {
            if (scheduled || closed) {
                return;
            }
            long due;
            if (ts == null) {
                due = notBefore;
            } else if (dirty) {
                due = Math.max(notBefore, replies.isEmpty() ? nextEdit : Math.min(nextEdit, nextReply));
            } else if (!replies.isEmpty()) {
                due = Math.max(notBefore, nextReply);
            } else {
                if (ended) {
                    closed = true;
                    messages.remove(runId, this);
                }
                return;
            }
            try {
                scheduler.schedule(this::flush, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
                scheduled = true;
            } catch (RejectedExecutionException e) {
                log.warn("event=run_message_not_updated run={} reason=stopping", runId);
            }
        }

        /** One turn of the background thread; an unexpected error is logged and the next event tries again. */
        void flush() {
            try {
                flushOnce();
            } catch (RuntimeException e) {
                log.error("event=run_message_error run={}", runId, e);
                synchronized (this) {
                    scheduled = false;
                    closed = true;
                    messages.remove(runId, this);
                }
            }
        }

        private void flushOnce() {
            boolean post;
            boolean edit;
            String reply;
            String postedTs;
            synchronized (this) {
                scheduled = false;
                long now = System.nanoTime();
                post = ts == null;
                edit = !post && dirty && now - nextEdit >= 0;
                reply = !post && !replies.isEmpty() && now - nextReply >= 0 ? replies.peek() : null;
                if (post || edit) {
                    dirty = false;  // An event from now on marks it again, so the edit after this one shows it.
                }
                postedTs = ts;
            }
            Run current = freshest();
            Result result = Result.OK;
            if (post) {
                result = post(current);
            } else {
                if (edit) {
                    result = call("chat.update", () -> slack.chatUpdate(r -> r.channel(channel).ts(postedTs)
                            .text(RunMessage.summary(current)).blocks(RunMessage.blocks(current, clock.instant()))));
                }
                if (reply != null && (result == Result.OK || result == Result.REFUSED)) {
                    Result replied = call("chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(channel)
                            .threadTs(postedTs).text(reply).unfurlLinks(false).unfurlMedia(false)));
                    if (replied != Result.RETRY) {
                        synchronized (this) {
                            replies.poll();  // Sent, or refused for good (logged): the next reply's turn.
                            nextReply = System.nanoTime() + REPLY_INTERVAL.toNanos();
                        }
                    } else {
                        result = Result.RETRY;
                    }
                }
            }
            synchronized (this) {
                long now = System.nanoTime();
                if (post || edit) {
                    nextEdit = now + EDIT_INTERVAL.toNanos();
                }
                if (result == Result.GONE) {
                    log.warn("event=run_message_gone run={} channel={} ts={} action=post_again", runId, channel, postedTs);
                    ts = null;
                } else if (result == Result.RETRY || post && result == Result.REFUSED) {
                    dirty |= edit;
                    failures++;
                    if (failures > MAX_FAILURES) {
                        log.error("event=run_message_abandoned run={} failures={} reason=\"Slack kept failing; the run's next event tries again\"",
                                runId, failures);
                        closed = true;
                        messages.remove(runId, this);
                        return;
                    }
                    long backoff = result == Result.REFUSED ? MAX_BACKOFF.toNanos()
                            : Math.min(MAX_BACKOFF.toNanos(), Duration.ofSeconds(1).toNanos() << Math.min(failures - 1, 10));
                    notBefore = now + (retryAfterNanos > 0 ? retryAfterNanos : backoff);
                } else {
                    failures = 0;
                }
                retryAfterNanos = 0;
                schedule();
            }
        }

        /** Posts the message; keeps its channel and ts with the run, so a resumed run edits this same message. */
        private Result post(Run current) {
            String[] posted = new String[1];
            Result result = call("chat.postMessage", () -> {
                var response = slack.chatPostMessage(r -> r.channel(channel).text(RunMessage.summary(current))
                        .blocks(RunMessage.blocks(current, clock.instant())).unfurlLinks(false).unfurlMedia(false));
                posted[0] = response.getTs();
                return response;
            });
            if (result != Result.OK || posted[0] == null) {
                if (result != Result.RETRY) {
                    log.warn("event=run_message_not_posted run={} channel={} hint=\"is Lifeboat invited to the channel?\"",
                            runId, channel);
                }
                return result == Result.OK ? Result.REFUSED : result;
            }
            synchronized (this) {
                ts = posted[0];
            }
            try {
                store.annotate(runId, CHANNEL_KEY, channel);
                store.annotate(runId, TS_KEY, posted[0]);
            } catch (RuntimeException e) {
                log.warn("event=run_message_not_kept run={} error=\"{}\"", runId, e.getClass().getSimpleName());
            }
            log.info("event=run_message_posted run={} channel={} ts={}", runId, channel, posted[0]);
            return result;
        }

        /** The run as the store has it now (events may arrive out of order); the last event's run if it cannot say. */
        private Run freshest() {
            Run fallback;
            synchronized (this) {
                fallback = latest;
            }
            try {
                return store.find(runId).orElse(fallback);
            } catch (RuntimeException e) {
                return fallback;
            }
        }

        /** One Web API call: ok, worth retrying (429, 5xx, network, {@code ratelimited}), the message is gone, or refused. */
        private Result call(String method, SlackCall call) {
            try {
                SlackApiTextResponse response = call.run();
                if (response.isOk()) {
                    return Result.OK;
                }
                String error = String.valueOf(response.getError());
                if (error.equals("ratelimited") || error.equals("internal_error") || error.equals("fatal_error")
                        || error.equals("service_unavailable") || error.equals("request_timeout")) {
                    log.warn("event=slack_call_retry method={} run={} error={}", method, runId, error);
                    return Result.RETRY;
                }
                log.warn("event=slack_call_refused method={} run={} error={}", method, runId, error);
                return error.equals("message_not_found") || error.equals("cant_update_message") ? Result.GONE : Result.REFUSED;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429) {
                    retryAfterNanos = retryAfter(e.getResponse().header("Retry-After")).toNanos();
                    log.warn("event=slack_rate_limited method={} run={} retry_after_ms={}", method, runId, retryAfterNanos / 1_000_000);
                    return Result.RETRY;
                }
                log.warn("event=slack_call_failed method={} run={} status={}", method, runId, status);
                return status >= 500 ? Result.RETRY : Result.REFUSED;
            } catch (IOException e) {
                log.warn("event=slack_call_failed method={} run={} error=\"{}\"", method, runId, e.getClass().getSimpleName());
                return Result.RETRY;
            } catch (RuntimeException e) {
                log.error("event=slack_call_error method={} run={}", method, runId, e);
                return Result.REFUSED;
            }
        }
    }

    /** Slack's {@code Retry-After} (seconds); one second when absent or unreadable, at most five minutes. */
    static Duration retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header == null ? "" : header.strip());
            Duration d = Duration.ofSeconds(Math.max(1, seconds));
            return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    @FunctionalInterface
    private interface SlackCall {
        SlackApiTextResponse run() throws IOException, SlackApiException;
    }
}
