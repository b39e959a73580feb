package dev.lifeboat.access;

import java.util.Set;

/** Who belongs to a Slack user group. */
public interface GroupDirectory {
    /** Member user ids of the group; throws when the directory cannot be asked. */
    Set<String> members(String groupId);
}
