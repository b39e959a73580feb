package dev.lifeboat.monitor;

import dev.lifeboat.reply.Reply;

/**
 * Where the monitor's announcements go: the incident channel in Slack ({@code slack/SlackAnnouncer}), the terminal in
 * the console ({@code console/ConsoleAnnouncer}); without a front door, the log. An announcer never throws and never
 * holds the monitor up for long: delivery (and its retries) is its own business.
 */
public interface Announcer {
    void announce(Reply announcement);
}
