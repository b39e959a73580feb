package dev.lifeboat.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifeboat's answers through a request's {@code response_url}: rendered as Block Kit (a private, shareable answer
 * gets a "Share in channel" button) and posted by {@link ResponseUrlClient}.
 */
@Singleton
final class SlackReplies {
    /** A note sent "after the acknowledgement" waits this long, so it never races the acknowledgement itself. */
    static final Duration AFTER_ACK = Duration.ofSeconds(1);
    /** Notes waiting to be sent after their acknowledgement; beyond this, a note is logged and not sent. */
    static final int MAX_PENDING_NOTES = 200;
    private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

    private final ResponseUrlClient client;
    private final SharedReplies shared;
    private final ScheduledExecutorService notes;
    private final AtomicInteger pendingNotes = new AtomicInteger();
    private final Gson gson = GsonFactory.createSnakeCase();

    @Inject
    SlackReplies(ResponseUrlClient client, SharedReplies shared, @Named("slack-notes") ScheduledExecutorService notes) {
        this.client = client;
        this.shared = shared;
        this.notes = notes;
    }

    /** Posts {@code reply} now, on the caller's thread, retrying as {@link ResponseUrlClient} does. */
    void send(String responseUrl, Reply reply) {
        try {
            client.post(responseUrl, json(reply));
        } catch (RuntimeException e) {
            log.error("event=respond_failed error=\"{}\"", e.getClass().getSimpleName(), e);
        }
    }

    /** Posts {@code reply} once the acknowledgement has gone, on the notes thread (e.g. "Lifeboat is busy"). */
    void sendAfterAck(String responseUrl, Reply reply) {
        if (pendingNotes.incrementAndGet() > MAX_PENDING_NOTES) {
            pendingNotes.decrementAndGet();
            log.warn("event=note_dropped reason=too_many_pending pending={}", MAX_PENDING_NOTES);
            return;
        }
        try {
            notes.schedule(() -> {
                pendingNotes.decrementAndGet();
                send(responseUrl, reply);
            }, AFTER_ACK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pendingNotes.decrementAndGet();
            log.warn("event=note_dropped reason=stopping");
        }
    }

    /** Posts {@code reply} with a single try: used while stopping, when there is no time to wait and retry. */
    boolean sendOnce(String responseUrl, Reply reply) {
        return client.postOnce(responseUrl, json(reply)).delivered();
    }

    /** Block Kit for a reply; a private, shareable one gets a "Share in channel" button. */
    List<LayoutBlock> blocks(Reply reply) {
        if (reply.shareable() && reply.visibility() == Reply.Visibility.PRIVATE) {
            return BlockKit.renderShareable(reply, shared.put(reply));
        }
        return BlockKit.render(reply);
    }

    private String json(Reply reply) {
        return gson.toJson(SlashCommandResponse.builder().responseType(responseType(reply)).text(reply.summary())
                .blocks(blocks(reply)).build());
    }

    static String responseType(Reply reply) {
        return reply.visibility() == Reply.Visibility.CHANNEL ? "in_channel" : "ephemeral";
    }
}
