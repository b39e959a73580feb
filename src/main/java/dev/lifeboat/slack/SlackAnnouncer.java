package dev.lifeboat.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.lifeboat.config.Secret;
import dev.lifeboat.config.SlackSettings;
import dev.lifeboat.reply.Announcer;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announcements as new messages in the incident channel ({@code chat.postMessage} to
 * {@code LIFEBOAT_INCIDENT_CHANNEL}). Posted on the caller's thread: a 429 is tried again after its
 * {@code Retry-After} (at most {@link #MAX_WAIT}), a 5xx, a network error or {@code ratelimited} after a second, at
 * most {@link #TRIES} tries in all; then the caller is told it was not delivered and why.
 */
@Singleton
final class SlackAnnouncer implements Announcer {
    static final int TRIES = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");
    private static final Logger log = LoggerFactory.getLogger(SlackAnnouncer.class);

    private final MethodsClient slack;
    private final Optional<String> channel;

    @Inject
    SlackAnnouncer(Slack slack, SlackSettings settings) {
        this.slack = slack.methods(settings.botToken().map(Secret::reveal).orElse(null));
        this.channel = settings.incidentChannel();
    }

    @Override
    public Delivery announce(Reply message) {
        if (channel.isEmpty()) {
            log.warn("event=announcement_not_posted reason=\"LIFEBOAT_INCIDENT_CHANNEL is not set\" summary=\"{}\"",
                    message.summary());
            return Delivery.not("LIFEBOAT_INCIDENT_CHANNEL is not set");
        }
        String why = "";
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            Duration wait = Duration.ofSeconds(1);
            try {
                ChatPostMessageResponse response = slack.chatPostMessage(r -> r.channel(channel.get())
                        .text(message.summary()).blocks(BlockKit.render(message)).unfurlLinks(false).unfurlMedia(false));
                if (response.isOk()) {
                    log.info("event=announcement_posted channel={} ts={}", channel.get(), response.getTs());
                    return Delivery.to("<#" + channel.get() + ">");
                }
                why = "Slack answered " + response.getError();
                if (!TRANSIENT.contains(String.valueOf(response.getError()))) {
                    break;
                }
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                why = "Slack answered HTTP " + status;
                if (status == 429) {
                    wait = SlackRunProgress.retryAfter(e.getResponse().header("Retry-After"));
                } else if (status < 500) {
                    break;
                }
            } catch (IOException e) {
                why = "Slack could not be reached (" + e.getClass().getSimpleName() + ")";
            }
            if (attempt == TRIES || wait.compareTo(MAX_WAIT) > 0) {
                break;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.warn("event=announcement_not_posted channel={} reason=\"{}\"", channel.get(), why);
        return Delivery.not(why);
    }
}
