package dev.lifeboat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockKitTest {
    @Test
    void aLongSectionIsSplitAtLineEndsUnderSlacksLimit() {
        String line = "x".repeat(99) + "\n";
        Reply reply = Reply.builder("long").section(line.repeat(70)).build();

        List<LayoutBlock> blocks = BlockKit.render(reply);

        assertEquals(3, blocks.size());
        for (LayoutBlock block : blocks) {
            String text = ((SectionBlock) block).getText().getText();
            assertTrue(text.length() <= 3000, "section of " + text.length());
        }
    }

    @Test
    void moreThanFiftyBlocksAreCutWithANoteSayingHowManyWereLeftOut() {
        Reply.Builder builder = Reply.builder("many");
        for (int i = 0; i < 60; i++) {
            builder.section("incident " + i);
        }

        List<LayoutBlock> blocks = BlockKit.render(builder.build());

        assertEquals(50, blocks.size());
        ContextBlock note = (ContextBlock) blocks.get(49);
        assertEquals("_… 11 more parts left out to fit Slack's message limits; run the command in the console for everything._",
                ((MarkdownTextObject) note.getElements().get(0)).getText());
    }

    @Test
    void buttonsCarryTheirCommandAndUniqueActionIds() {
        Reply reply = Reply.builder("b").buttons(List.of(Button.of("Show logs", "logs"),
                new Button("Restart web", "restart web", Button.Style.DANGER))).build();

        ActionsBlock actions = (ActionsBlock) BlockKit.render(reply).get(0);

        ButtonElement first = (ButtonElement) actions.getElements().get(0);
        ButtonElement second = (ButtonElement) actions.getElements().get(1);
        assertEquals("lifeboat:run:0", first.getActionId());
        assertEquals("logs", first.getValue());
        assertEquals("lifeboat:run:1", second.getActionId());
        assertEquals("danger", second.getStyle());
    }

    @Test
    void aButtonThatAsksForAWordOpensADialogInsteadOfRunningAtOnce() {
        Reply reply = Reply.builder("b").buttons(List.of(Button.of("Show logs", "logs"),
                Button.typed("Restore production", "confirm r-abc234", Button.Style.DANGER, "acme-prod"))).build();

        ActionsBlock actions = (ActionsBlock) BlockKit.render(reply).get(0);

        ButtonElement typed = (ButtonElement) actions.getElements().get(1);
        assertEquals("lifeboat:typed:1", typed.getActionId());
        assertEquals("{\"label\":\"Restore production\",\"command\":\"confirm r-abc234\",\"expected\":\"acme-prod\"}",
                typed.getValue());
        assertEquals("lifeboat:run:0", ((ButtonElement) actions.getElements().get(0)).getActionId());
    }
}
