package dev.lifeboat.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import com.slack.api.util.json.GsonFactory;
import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.Surface;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons whose command runs only after the person types a word (a production restore asks for the app's name).
 * The click opens a modal ({@code views.open} with the click's {@code trigger_id}) holding one text field; the
 * command, the channel and the click's {@code response_url} ride in the modal's {@code private_metadata}. On submit
 * the command runs with the typed text as its last word, as the person who submitted, through the same
 * {@link CommandRunner}; the command itself checks the word, and its answer goes to that {@code response_url}. A
 * blank field keeps the modal open with an error under it. Bolt routes both over HTTP and Socket Mode alike.
 */
@Singleton
final class TypedConfirmation {
    static final String ACTION_PREFIX = "lifeboat:typed:";
    static final String CALLBACK_ID = "lifeboat:typed";
    static final String BLOCK_ID = "confirm";
    static final String INPUT_ID = "typed";
    static final int MAX_METADATA = 3_000;
    static final int MAX_TITLE = 24;
    private static final Logger log = LoggerFactory.getLogger(TypedConfirmation.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();

    /** What a typed button carries in its value; {@code edit} is the text to edit (an edit button), else null. */
    record Request(String label, String command, String expected, String edit) {
        boolean editing() {
            return edit != null;
        }
    }

    /** What the modal carries in its {@code private_metadata}, for the submission. */
    record Metadata(String command, String expected, String channel, String responseUrl, Boolean editing) {
    }

    /** The longest text an edit button carries (its value holds at most 2,000 characters, the command included). */
    static final int MAX_EDIT_TEXT = 1_400;

    private final CommandRunner runner;
    private final BackgroundAnswers answers;
    private final ExecutorService work;
    private final SlackReplies replies;

    @Inject
    TypedConfirmation(CommandRunner runner, BackgroundAnswers answers, @Named("work") ExecutorService work,
                      SlackReplies replies) {
        this.runner = runner;
        this.answers = answers;
        this.work = work;
        this.replies = replies;
    }

    App register(App app) {
        app.blockAction(Pattern.compile("^" + Pattern.quote(ACTION_PREFIX) + "\\d+$"), (req, ctx) -> onClick(req.getPayload(), ctx));
        app.viewSubmission(CALLBACK_ID, (req, ctx) -> onSubmit(req.getPayload(), ctx));
        return app;
    }

    /** The value of a typed button: its label, command and the word to type (short; Slack allows 2,000 characters). */
    static String buttonValue(Button button) {
        if (button.editText().isPresent()) {
            return GSON.toJson(new Request(BlockKit.cut(button.label(), BlockKit.MAX_BUTTON_TEXT), BlockKit.cut(button.command(), 300),
                    "", BlockKit.cut(button.editText().get(), MAX_EDIT_TEXT)));
        }
        return GSON.toJson(new Request(BlockKit.cut(button.label(), BlockKit.MAX_BUTTON_TEXT), BlockKit.cut(button.command(), 1_500),
                BlockKit.cut(button.typeToRun().orElse(""), 200), null));
    }

    private Response onClick(BlockActionPayload payload, ActionContext ctx) {
        String responseUrl = payload.getResponseUrl();
        Request request;
        try {
            request = GSON.fromJson(payload.getActions().get(0).getValue(), Request.class);
        } catch (JsonParseException e) {
            request = null;
        }
        if (request == null || request.command() == null || request.expected() == null) {
            log.warn("event=typed_button_unreadable");
            replies.sendAfterAck(responseUrl, Reply.text(":warning: That button could not be read; run the command again."));
            return ctx.ack();
        }
        String channel = Optional.ofNullable(payload.getChannel()).map(BlockActionPayload.Channel::getId).orElse(null);
        String metadata = GSON.toJson(new Metadata(request.command(), request.expected(), channel, responseUrl,
                request.editing() ? Boolean.TRUE : null));
        if (metadata.length() > MAX_METADATA) {
            replies.sendAfterAck(responseUrl, Reply.text(":warning: That command is too long to confirm in a dialog; "
                    + "run it with `/dr " + BlockKit.cut(request.command(), 200) + " " + request.expected() + "`."));
            return ctx.ack();
        }
        View view = modal(request, metadata);
        MethodsClient client = ctx.client();
        String triggerId = payload.getTriggerId();
        try {
            // Slack accepts the trigger for 3 seconds: the dialog opens right after the acknowledgement.
            work.execute(() -> open(client, triggerId, view, responseUrl));
        } catch (RejectedExecutionException e) {
            replies.sendAfterAck(responseUrl, BackgroundAnswers.BUSY);
        }
        return ctx.ack();
    }

    private void open(MethodsClient client, String triggerId, View view, String responseUrl) {
        String problem;
        try {
            ViewsOpenResponse response = client.viewsOpen(r -> r.triggerId(triggerId).view(view));
            if (response.isOk()) {
                return;
            }
            problem = response.getError();
        } catch (IOException | SlackApiException e) {
            problem = e instanceof SlackApiException api ? "HTTP " + api.getResponse().code() : e.getClass().getSimpleName();
        }
        log.warn("event=confirmation_dialog_not_opened error=\"{}\"", problem);
        String why = "expired_trigger_id".equals(problem) ? "Slack's 3 seconds to open it ran out" : "Slack answered " + problem;
        replies.send(responseUrl, Reply.text(":warning: The confirmation dialog did not open (" + why
                + "). Nothing was run; click the button again."));
    }

    /** The modal: what the button does, the word to type as the hint, and one text field. */
    static View modal(Request request, String metadata) {
        if (request.editing()) {
            return editModal(request, metadata);
        }
        PlainTextInputElement field = PlainTextInputElement.builder().actionId(INPUT_ID)
                .placeholder(plainText(BlockKit.cut(request.expected(), 150))).build();
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .title(ViewTitle.builder().type("plain_text").text(BlockKit.cut(request.label(), MAX_TITLE)).build())
                .submit(ViewSubmit.builder().type("plain_text").text("Run").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(metadata)
                .blocks(List.of(
                        section(s -> s.text(markdownText("This runs `/dr " + BlockKit.cut(request.command(), 2_000)
                                + "`. To confirm, type *" + RunMessage.escape(request.expected()) + "* below."))),
                        input(i -> i.blockId(BLOCK_ID).label(plainText("Type " + BlockKit.cut(request.expected(), 100) + " to confirm"))
                                .hint(plainText(BlockKit.cut("Type " + request.expected() + " exactly, then press Run.", 150)))
                                .element(field))))
                .build();
    }

    /** An edit button's modal: the text in a multi-line field, saved with the button's command. */
    static View editModal(Request request, String metadata) {
        PlainTextInputElement field = PlainTextInputElement.builder().actionId(INPUT_ID).multiline(true)
                .initialValue(request.edit()).maxLength(MAX_EDIT_TEXT).build();
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .title(ViewTitle.builder().type("plain_text").text(BlockKit.cut(request.label(), MAX_TITLE)).build())
                .submit(ViewSubmit.builder().type("plain_text").text("Save").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(metadata)
                .blocks(List.of(input(i -> i.blockId(BLOCK_ID).label(plainText("Text"))
                        .hint(plainText("Saving shows the preview again; nothing is posted until you press Post."))
                        .element(field))))
                .build();
    }

    private Response onSubmit(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
        Metadata metadata;
        try {
            metadata = GSON.fromJson(payload.getView().getPrivateMetadata(), Metadata.class);
        } catch (JsonParseException e) {
            metadata = null;
        }
        if (metadata == null || metadata.command() == null || metadata.responseUrl() == null) {
            log.warn("event=confirmation_unreadable");
            return ctx.ackWithErrors(Map.of(BLOCK_ID, "This dialog can no longer be used; click the button again."));
        }
        String typed = Optional.ofNullable(payload.getView().getState()).map(ViewState::getValues)
                .map(values -> values.get(BLOCK_ID)).map(block -> block.get(INPUT_ID)).map(ViewState.Value::getValue)
                .map(String::strip).orElse("");
        boolean editing = Boolean.TRUE.equals(metadata.editing());
        if (typed.isEmpty()) {
            return ctx.ackWithErrors(Map.of(BLOCK_ID, editing ? "Write the text, or press Cancel."
                    : "Type " + metadata.expected() + " to confirm, or press Cancel."));
        }
        if (editing) {
            typed = typed.replaceAll("\\s+", " ");
        }
        Actor actor = new Actor(payload.getUser().getId(), payload.getUser().getUsername());
        String command = metadata.command() + " " + typed;
        Optional<String> channel = Optional.ofNullable(metadata.channel());
        answers.submit(metadata.responseUrl(), "/dr " + metadata.command(), () -> runner.run(command, actor, Surface.SLACK, channel));
        return ctx.ack();
    }
}
