package dev.lifeboat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.Responder;
import com.slack.api.webhook.WebhookResponse;
import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.Surface;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
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
    private static final Logger log = LoggerFactory.getLogger(SlackCommands.class);

    private final CommandRunner runner;
    private final ExecutorService work;

    @Inject
    public SlackCommands(CommandRunner runner, @Named("work") ExecutorService work) {
        this.runner = runner;
        this.work = work;
    }

    public App register(App app) {
        app.command(COMMAND, (req, ctx) -> onSlashCommand(req.getPayload(), ctx));
        app.blockAction(Pattern.compile("^" + Pattern.quote(BlockKit.RUN_ACTION_PREFIX) + "\\d+$"),
                (req, ctx) -> onButton(req.getPayload(), ctx));
        return app;
    }

    private Response onSlashCommand(SlashCommandPayload payload, SlashCommandContext ctx) {
        Actor actor = new Actor(payload.getUserId(), payload.getUserName());
        Optional<String> channel = Optional.ofNullable(payload.getChannelId());
        CommandRunner.Prepared prepared = runner.prepare(payload.getText());
        if (prepared.answersImmediately()) {
            Reply reply = runner.run(prepared, actor, Surface.SLACK, channel);
            return ctx.ack(r -> r.responseType(responseType(reply)).text(reply.summary()).blocks(BlockKit.render(reply)));
        }
        submit(new Responder(ctx.getSlack(), payload.getResponseUrl()), () -> runner.run(prepared, actor, Surface.SLACK, channel));
        return ctx.ack();
    }

    private Response onButton(BlockActionPayload payload, ActionContext ctx) {
        String command = payload.getActions().get(0).getValue();
        Actor actor = new Actor(payload.getUser().getId(), payload.getUser().getUsername());
        Optional<String> channel = Optional.ofNullable(payload.getChannel()).map(BlockActionPayload.Channel::getId);
        submit(new Responder(ctx.getSlack(), payload.getResponseUrl()), () -> runner.run(command, actor, Surface.SLACK, channel));
        return ctx.ack();
    }

    /** Runs the work on the executor and answers through the response URL; says so when the queue is full. */
    private void submit(Responder responder, java.util.function.Supplier<Reply> work) {
        try {
            this.work.execute(() -> respond(responder, work.get()));
        } catch (RejectedExecutionException e) {
            log.warn("event=work_queue_full");
            respond(responder, Reply.text(":hourglass: Lifeboat is busy with other requests; try again in a few seconds."));
        }
    }

    private static void respond(Responder responder, Reply reply) {
        try {
            WebhookResponse response = responder.sendToCommand(r -> r.responseType(responseType(reply))
                    .text(reply.summary()).blocks(BlockKit.render(reply)));
            if (response.getCode() != 200) {
                log.warn("event=respond_failed status={} body_length={}", response.getCode(),
                        response.getBody() == null ? 0 : response.getBody().length());
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("event=respond_failed error=\"{}\"", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String responseType(Reply reply) {
        return reply.visibility() == Reply.Visibility.CHANNEL ? "in_channel" : "ephemeral";
    }
}
