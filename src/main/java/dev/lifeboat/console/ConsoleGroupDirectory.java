package dev.lifeboat.console;

import dev.lifeboat.access.GroupDirectory;
import java.util.Set;

/** Without Slack there are no user groups to ask; console users are trusted as operators anyway. */
public final class ConsoleGroupDirectory implements GroupDirectory {
    @Override
    public Set<String> members(String groupId) {
        return Set.of();
    }
}
