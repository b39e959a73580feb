package dev.lifeboat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.Surface;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import com.google.gson.Gson;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.util.json.GsonFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Slack front door: {@code /dr} and Lifeboat's buttons, registered on a Bolt {@link App}. Every request is
 * acknowledged within Slack's 3 seconds: fast local answers ride in the acknowledgement; anything that calls an
 * upstream runs on the work executor and answers through the request's {@code response_url}.
 */
public final class SlackCommands {
    public static final String COMMAND = "/dr";

    private final CommandRunner runner;
    private final BackgroundAnswers answers;
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
    SlackCommands(CommandRunner runner, BackgroundAnswers answers, SharedReplies shared, SlackReplies replies) {
        this.runner = runner;
        this.answers = answers;
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
        answers.submit(payload.getResponseUrl(), "/dr " + prepared.text(), () -> runner.run(prepared, actor, Surface.SLACK, channel));
        return ctx.ack();
    }

    private Response onButton(BlockActionPayload payload, ActionContext ctx) {
        String command = payload.getActions().get(0).getValue();
        Actor actor = new Actor(payload.getUser().getId(), payload.getUser().getUsername());
        Optional<String> channel = Optional.ofNullable(payload.getChannel()).map(BlockActionPayload.Channel::getId);
        answers.submit(payload.getResponseUrl(), "/dr " + command, () -> runner.run(command, actor, Surface.SLACK, channel));
        return ctx.ack();
    }

    private Response onShare(BlockActionPayload payload, ActionContext ctx) {
        String id = payload.getActions().get(0).getValue();
        Optional<Reply> reply = shared.get(id);
        answers.submit(payload.getResponseUrl(), "sharing the report", () -> reply
                .map(r -> r.withVisibility(Reply.Visibility.CHANNEL).withContext("Shared by <@" + payload.getUser().getId() + ">"))
                .orElseGet(() -> Reply.text("That report has expired; run `/dr status` again for a fresh one.")));
        return ctx.ack();
    }
}
