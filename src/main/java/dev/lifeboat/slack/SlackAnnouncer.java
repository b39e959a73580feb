package dev.lifeboat.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.lifeboat.config.Secret;
import dev.lifeboat.config.SlackSettings;
import dev.lifeboat.monitor.Announcer;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's announcements in the incident channel ({@code LIFEBOAT_INCIDENT_CHANNEL}), one
 * {@code chat.postMessage} each, in order, on the {@code slack-progress} thread: the monitor never waits on Slack. A
 * 429 waits its {@code Retry-After}; 5xx, network errors and {@code ratelimited} back off (1 s doubling to 60 s) for
 * up to {@value #MAX_TRIES} tries; a refusal ({@code channel_not_found}, {@code not_in_channel}) is logged and dropped.
 */
@Singleton
final class SlackAnnouncer implements Announcer {
    static final int MAX_TRIES = 8;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(SlackAnnouncer.class);

    private final MethodsClient slack;
    private final Optional<String> channel;
    private final ScheduledExecutorService scheduler;
    private final Deque<Reply> queue = new ArrayDeque<>();
    private final AtomicBoolean toldNoChannel = new AtomicBoolean();
    private boolean scheduled;
    private int failures;

    @Inject
    SlackAnnouncer(Slack slack, SlackSettings settings, @Named("slack-progress") ScheduledExecutorService scheduler) {
        this.slack = slack.methods(settings.botToken().map(Secret::reveal).orElse(null));
        this.channel = settings.incidentChannel();
        this.scheduler = scheduler;
    }

    @Override
    public void announce(Reply announcement) {
        if (channel.isEmpty()) {
            if (toldNoChannel.compareAndSet(false, true)) {
                log.warn("event=announcement_not_posted reason=\"LIFEBOAT_INCIDENT_CHANNEL is not set\"");
            }
            return;
        }
        synchronized (this) {
            queue.add(announcement);
            schedule(Duration.ZERO);
        }
    }

    private void schedule(Duration delay) {
        if (scheduled || queue.isEmpty()) {
            return;
        }
        try {
            scheduler.schedule(this::flush, delay.toMillis(), TimeUnit.MILLISECONDS);
            scheduled = true;
        } catch (RejectedExecutionException e) {
            log.warn("event=announcement_not_posted reason=stopping count={}", queue.size());
        }
    }

    private void flush() {
        Reply next;
        synchronized (this) {
            scheduled = false;
            next = queue.peek();
        }
        if (next == null) {
            return;
        }
        Duration retryIn = post(next);
        synchronized (this) {
            if (retryIn == null) {
                queue.poll();
                failures = 0;
                schedule(Duration.ZERO);
            } else if (++failures >= MAX_TRIES) {
                queue.poll();
                log.error("event=announcement_dropped tries={} reason=\"Slack kept failing\"", failures);
                failures = 0;
                schedule(Duration.ZERO);
            } else {
                schedule(retryIn);
            }
        }
    }

    /** Posts one announcement: null when done with it (posted, or refused for good), else how long to wait. */
    private Duration post(Reply reply) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(failures, 6));
        backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        try {
            ChatPostMessageResponse response = slack.chatPostMessage(r -> r.channel(channel.get()).text(reply.summary())
                    .blocks(BlockKit.render(reply)).unfurlLinks(false).unfurlMedia(false));
            if (response.isOk()) {
                log.info("event=announcement_posted channel={} ts={}", channel.get(), response.getTs());
                return null;
            }
            String error = String.valueOf(response.getError());
            if (error.equals("ratelimited") || error.equals("internal_error") || error.equals("fatal_error")
                    || error.equals("service_unavailable") || error.equals("request_timeout")) {
                log.warn("event=announcement_retry error={}", error);
                return backoff;
            }
            log.error("event=announcement_refused channel={} error={} hint=\"is Lifeboat invited to the channel?\"",
                    channel.get(), error);
            return null;
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                Duration wait = SlackRunProgress.retryAfter(e.getResponse().header("Retry-After"));
                log.warn("event=announcement_rate_limited retry_after_ms={}", wait.toMillis());
                return wait;
            }
            log.warn("event=announcement_failed status={}", status);
            return status >= 500 ? backoff : null;
        } catch (IOException e) {
            log.warn("event=announcement_failed error=\"{}\"", e.getClass().getSimpleName());
            return backoff;
        } catch (RuntimeException e) {
            log.error("event=announcement_error", e);
            return null;
        }
    }
}
