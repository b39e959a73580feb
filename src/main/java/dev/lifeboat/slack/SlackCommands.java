package dev.lifeboat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.lifeboat.QueuedWork;
import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.Surface;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import com.google.gson.Gson;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.util.json.GsonFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack front door: {@code /dr} and Lifeboat's buttons, registered on a Bolt {@link App}. Every request is
 * acknowledged within Slack's 3 seconds: fast local answers ride in the acknowledgement; anything that calls an
 * upstream runs on the work executor and answers through the request's {@code response_url}.
 */
public final class SlackCommands {
    public static final String COMMAND = "/dr";
    static final Reply BUSY = Reply.text(":hourglass: Lifeboat is busy with other requests; try again in a few seconds.");
    private static final Logger log = LoggerFactory.getLogger(SlackCommands.class);

    private final CommandRunner runner;
    private final ExecutorService work;
    private final SharedReplies shared;
    private final SlackReplies replies;
    private final Gson gson = GsonFactory.createSnakeCase();
    /** The JSON of recent immediate answers; small, so a varying answer (an unknown word) costs one entry at most. */
    private final Map<Reply, String> ackBodies = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Reply, String> eldest) {
            return size() > 16;
        }
    });

    @Inject
    SlackCommands(CommandRunner runner, @Named("work") ExecutorService work, SharedReplies shared, SlackReplies replies) {
        this.runner = runner;
        this.work = work;
        this.shared = shared;
        this.replies = replies;
    }

    public App register(App app) {
        app.command(COMMAND, (req, ctx) -> onSlashCommand(req.getPayload(), ctx));
        app.blockAction(Pattern.compile("^" + Pattern.quote(BlockKit.RUN_ACTION_PREFIX) + "\\d+$"),
                (req, ctx) -> onButton(req.getPayload(), ctx));
        app.blockAction(BlockKit.SHARE_ACTION, (req, ctx) -> onShare(req.getPayload(), ctx));
        return app;
    }

    private Response onSlashCommand(SlashCommandPayload payload, SlashCommandContext ctx) {
        Actor actor = new Actor(payload.getUserId(), payload.getUserName());
        Optional<String> channel = Optional.ofNullable(payload.getChannelId());
        CommandRunner.Prepared prepared = runner.prepare(payload.getText());
        if (prepared.answersImmediately()) {
            Reply reply = runner.run(prepared, actor, Surface.SLACK, channel);
            if (reply.shareable()) {
                return ctx.ack(r -> r.responseType(SlackReplies.responseType(reply)).text(reply.summary())
                        .blocks(replies.blocks(reply)));
            }
            // Answers such as help repeat exactly: their JSON is built once and reused.
            String json = ackBodies.computeIfAbsent(reply, r -> gson.toJson(SlashCommandResponse.builder()
                    .responseType(SlackReplies.responseType(r)).text(r.summary()).blocks(BlockKit.render(r)).build()));
            return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                    .body(json).build();
        }
        submit(payload.getResponseUrl(), "/dr " + prepared.text(), () -> runner.run(prepared, actor, Surface.SLACK, channel));
        return ctx.ack();
    }

    private Response onButton(BlockActionPayload payload, ActionContext ctx) {
        String command = payload.getActions().get(0).getValue();
        Actor actor = new Actor(payload.getUser().getId(), payload.getUser().getUsername());
        Optional<String> channel = Optional.ofNullable(payload.getChannel()).map(BlockActionPayload.Channel::getId);
        submit(payload.getResponseUrl(), "/dr " + command, () -> runner.run(command, actor, Surface.SLACK, channel));
        return ctx.ack();
    }

    private Response onShare(BlockActionPayload payload, ActionContext ctx) {
        String id = payload.getActions().get(0).getValue();
        Optional<Reply> reply = shared.get(id);
        submit(payload.getResponseUrl(), "sharing the report", () -> reply
                .map(r -> r.withVisibility(Reply.Visibility.CHANNEL).withContext("Shared by <@" + payload.getUser().getId() + ">"))
                .orElseGet(() -> Reply.text("That report has expired; run `/dr status` again for a fresh one.")));
        return ctx.ack();
    }

    /**
     * Runs the work on the executor and answers through the response URL. A full queue is told to the user after
     * the acknowledgement (never inside it), and so is a stop that comes before the work could start.
     */
    private void submit(String responseUrl, String what, Supplier<Reply> work) {
        try {
            this.work.execute(new SlackWork(responseUrl, what, work));
        } catch (RejectedExecutionException e) {
            log.warn("event=work_queue_full");
            replies.sendAfterAck(responseUrl, BUSY);
        }
    }

    /** One request's work: its answer, or, if Lifeboat stops first, a note that it will not come. */
    private final class SlackWork implements QueuedWork {
        private final String responseUrl;
        private final String what;
        private final Supplier<Reply> work;

        SlackWork(String responseUrl, String what, Supplier<Reply> work) {
            this.responseUrl = responseUrl;
            this.what = what;
            this.work = work;
        }

        @Override
        public void run() {
            Reply reply = work.get();
            // Cut off by a stop, the work ends interrupted; its answer (an error) is still worth sending.
            boolean interrupted = Thread.interrupted();
            replies.send(responseUrl, reply);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void abandon() {
            replies.sendOnce(responseUrl, Reply.text(":arrows_counterclockwise: Lifeboat is restarting and did not get to `"
                    + BlockKit.cut(what, 100) + "`. Nothing was run; try again in a minute."));
        }
    }
}
