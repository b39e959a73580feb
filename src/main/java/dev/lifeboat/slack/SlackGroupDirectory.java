package dev.lifeboat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import dev.lifeboat.access.GroupDirectory;
import java.io.IOException;
import java.util.Set;

/** User-group membership from Slack's {@code usergroups.users.list} (scope {@code usergroups:read}). */
final class SlackGroupDirectory implements GroupDirectory {
    private final MethodsClient methods;

    SlackGroupDirectory(MethodsClient methods) {
        this.methods = methods;
    }

    @Override
    public Set<String> members(String groupId) {
        try {
            UsergroupsUsersListResponse response = methods.usergroupsUsersList(r -> r.usergroup(groupId));
            if (!response.isOk()) {
                throw new IllegalStateException("usergroups.users.list for " + groupId + " answered "
                        + response.getError()
                        + ("missing_scope".equals(response.getError()) ? "; add the usergroups:read scope" : ""));
            }
            return Set.copyOf(response.getUsers());
        } catch (SlackApiException e) {
            String error = e.getError() == null ? null : e.getError().getError();
            throw new IllegalStateException("usergroups.users.list for " + groupId + " answered HTTP "
                    + e.getResponse().code() + (error == null ? "" : " " + error), e);
        } catch (IOException e) {
            throw new IllegalStateException("no answer to usergroups.users.list for " + groupId + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }
}
