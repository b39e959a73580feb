package dev.lifeboat.access;

import java.util.Set;

/** Who belongs to a Slack user group. */
public interface GroupDirectory {
    /**
     * Member user ids of the group; throws when the directory cannot be asked, with a message that says why in a few
     * words (it is shown to people after "Slack: ").
     */
    Set<String> members(String groupId);
}
