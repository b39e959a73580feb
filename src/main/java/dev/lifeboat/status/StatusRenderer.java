package dev.lifeboat.status;

import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;

/** The status report as a {@link Reply}: verdict and diagnosis first, a section per system, then next steps. */
public final class StatusRenderer {
    private StatusRenderer() {
    }

    public static Reply render(StatusReport report) {
        return render(report, java.util.Optional.empty());
    }

    /** With the line about where Lifeboat runs: first when it must be read first, else just before the time. */
    public static Reply render(StatusReport report, java.util.Optional<HostLine> host) {
        String verdict = report.verdict().emoji() + " *" + report.verdict().label() + "*"
                + report.diagnosis().map(d -> "\n" + d).orElse("")
                + report.caveat().map(c -> "\n" + c).orElse("");
        Reply.Builder reply = Reply.builder("Lifeboat status: " + report.verdict().label()
                        + report.diagnosis().map(d -> " — " + TextRenderer.plain(d)).orElse(""));
        host.filter(HostLine::first).ifPresent(h -> reply.section(h.text()));
        reply.section(verdict);
        for (Section section : report.sections()) {
            reply.section(section.health().emoji() + " *" + section.name() + "* — " + section.health().label() + "\n"
                    + String.join("\n", section.facts()));
        }
        reply.buttons(report.nextSteps().stream()
                .map(step -> new Button(step.label(), step.command(), step.danger() ? Button.Style.DANGER : Button.Style.DEFAULT))
                .toList());
        host.filter(h -> !h.first()).ifPresent(h -> reply.context(h.text()));
        reply.context("As of " + Ages.clock(report.asOf()) + " · `/dr help` for every command");
        return reply.shareable().build();
    }
}
