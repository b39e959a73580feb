package dev.lifeboat.monitor;

import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Announcements when no front door takes them: one log line each. */
final class LoggedAnnouncer implements Announcer {
    private static final Logger log = LoggerFactory.getLogger(LoggedAnnouncer.class);

    @Override
    public void announce(Reply announcement) {
        log.warn("event=monitor_announcement channel=none text=\"{}\"", TextRenderer.plain(announcement.summary()));
    }
}
