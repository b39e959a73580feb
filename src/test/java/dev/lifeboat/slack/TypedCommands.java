package dev.lifeboat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * For the typed-confirmation tests: {@code offer} answers with a button that asks for {@code acme-prod}, and the
 * changing command {@code rehearse} records every invocation (its words and who ran it). Also the payloads Slack sends
 * for the click and for the modal's submission, built from the real shapes.
 */
final class TypedCommands {
    static final String EXPECTED = "acme-prod";
    static final String COMMAND = "rehearse b012";
    static final ObjectMapper JSON = new ObjectMapper();

    private TypedCommands() {
    }

    static Module module(List<Invocation> rehearsals) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder<CommandHandler> commands = Multibinder.newSetBinder(binder(), CommandHandler.class);
                commands.addBinding().toInstance(new CommandHandler() {
                    @Override
                    public CommandSpec spec() {
                        return CommandSpec.reads("offer", "", "offers a restore that asks for the app's name (test double)");
                    }

                    @Override
                    public Reply handle(Invocation invocation) {
                        return Reply.builder("Restore b012?").section("Restore *b012* into *acme-prod*?")
                                .buttons(List.of(Button.typed("Restore production", COMMAND, Button.Style.DANGER, EXPECTED)))
                                .build();
                    }
                });
                commands.addBinding().toInstance(new CommandHandler() {
                    @Override
                    public CommandSpec spec() {
                        return CommandSpec.changes("rehearse", "BACKUP APP", "records what it was asked (test double)");
                    }

                    @Override
                    public Reply handle(Invocation invocation) {
                        rehearsals.add(invocation);
                        return Reply.text("Rehearsed " + invocation.rest() + " for " + invocation.actor().mention());
                    }
                });
            }
        };
    }

    /** The typed button in an answer's blocks: {@code [action_id, value]}. */
    static String[] typedButton(JsonNode answer) {
        for (JsonNode block : answer.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("action_id").asText().startsWith(TypedConfirmation.ACTION_PREFIX)) {
                    return new String[] {element.path("action_id").asText(), element.path("value").asText()};
                }
            }
        }
        throw new AssertionError("no typed button in " + answer);
    }

    /** A {@code block_actions} payload for a click on a button in a channel message (Slack's own shape). */
    static ObjectNode click(String actionId, String value, String user, String channel, String responseUrl, String triggerId) {
        ObjectNode payload = read(Fixtures.read("slack/block-actions.json"));
        ((ObjectNode) payload.path("user")).put("id", user).put("username", "user-" + user.toLowerCase()).put("team_id", "T0LIFEBOAT");
        ((ObjectNode) payload.path("container")).put("channel_id", channel).put("is_ephemeral", false);
        ((ObjectNode) payload.path("channel")).put("id", channel).put("name", "incidents");
        ((ObjectNode) payload.path("team")).put("id", "T0LIFEBOAT");
        payload.put("api_app_id", "A0LIFEBOAT").put("trigger_id", triggerId).put("response_url", responseUrl);
        ((ObjectNode) payload.path("actions").get(0)).put("action_id", actionId).put("value", value)
                .put("block_id", "lifeboat-actions");
        ((ObjectNode) payload.path("actions").get(0).path("text")).put("text", "Restore production");
        return payload;
    }

    /**
     * A {@code view_submission} payload: the view Lifeboat opened, as Slack echoes it back (with its id, hash and
     * state), the field holding {@code typed} ({@code null}: left untouched).
     */
    static ObjectNode submission(JsonNode openedView, String user, String typed) {
        ObjectNode view = openedView.deepCopy();
        view.put("id", "V0LIFEBOAT1").put("team_id", "T0LIFEBOAT").put("hash", "1700000001.AbCdEfGh")
                .put("root_view_id", "V0LIFEBOAT1").putNull("previous_view_id").put("app_id", "A0LIFEBOAT")
                .put("external_id", "").put("app_installed_team_id", "T0LIFEBOAT").put("bot_id", "B0LIFEBOT")
                .put("clear_on_close", false).put("notify_on_close", false);
        ObjectNode field = view.putObject("state").putObject("values").putObject(TypedConfirmation.BLOCK_ID)
                .putObject(TypedConfirmation.INPUT_ID).put("type", "plain_text_input");
        if (typed == null) {
            field.putNull("value");
        } else {
            field.put("value", typed);
        }
        ObjectNode payload = JSON.createObjectNode().put("type", "view_submission");
        payload.putObject("team").put("id", "T0LIFEBOAT").put("domain", "lifeboat-test");
        payload.putObject("user").put("id", user).put("username", "user-" + user.toLowerCase()).put("name", "user")
                .put("team_id", "T0LIFEBOAT");
        payload.put("api_app_id", "A0LIFEBOAT").put("token", "legacy-verification-token")
                .put("trigger_id", "12466734323.1395872398.submit-trigger");
        payload.set("view", view);
        payload.putArray("response_urls");
        payload.put("is_enterprise_install", false);
        payload.putNull("enterprise");
        return payload;
    }

    static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
