package dev.lifeboat.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.lifeboat.config.Secret;
import dev.lifeboat.config.SlackSettings;
import dev.lifeboat.incident.IncidentChannel;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incidents in {@code LIFEBOAT_INCIDENT_CHANNEL}: {@code chat.postMessage} for a new message, {@code chat.update}
 * to edit one. Every failure (unreachable, 5xx, 429, {@code ok:false}) is {@link IncidentChannel.Unavailable} with
 * Slack's reason; the caller keeps the announcement and tries again later.
 */
@Singleton
final class SlackIncidentChannel implements IncidentChannel {
    private static final Logger log = LoggerFactory.getLogger(SlackIncidentChannel.class);

    @FunctionalInterface
    private interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private final MethodsClient slack;
    private final Optional<String> channel;
    private final SlackReplies replies;

    @Inject
    SlackIncidentChannel(Slack slack, SlackSettings settings, SlackReplies replies) {
        this.slack = slack.methods(settings.botToken().map(Secret::reveal).orElse(null));
        this.channel = settings.incidentChannel();
        this.replies = replies;
    }

    @Override
    public Optional<String> where() {
        return channel.map(id -> "<#" + id + ">");
    }

    @Override
    public Posted post(Reply message) {
        String to = channel.orElseThrow(() -> new Unavailable("LIFEBOAT_INCIDENT_CHANNEL is not set", false));
        ChatPostMessageResponse response = call("chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(to)
                .text(message.summary()).blocks(replies.blocks(message))));
        return new Posted(response.getChannel() == null ? to : response.getChannel(), response.getTs());
    }

    @Override
    public void update(Posted message, Reply replacement) {
        call("chat.update", () -> slack.chatUpdate(r -> r.channel(message.channel()).ts(message.ts())
                .text(replacement.summary()).blocks(replies.blocks(replacement))));
    }

    private static <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        try {
            T response = call.run();
            if (response.isOk()) {
                return response;
            }
            String error = String.valueOf(response.getError());
            log.warn("event=incident_slack_refused method={} error={}", method, error);
            throw new Unavailable("Slack answered " + error, error.equals("message_not_found")
                    || error.equals("cant_update_message"));
        } catch (SlackApiException e) {
            log.warn("event=incident_slack_failed method={} status={}", method, e.getResponse().code());
            throw new Unavailable("Slack answered HTTP " + e.getResponse().code(), false);
        } catch (IOException e) {
            log.warn("event=incident_slack_failed method={} error=\"{}\"", method, e.getClass().getSimpleName());
            throw new Unavailable("Slack could not be reached (" + e.getClass().getSimpleName() + ")", false);
        }
    }
}
