package dev.lifeboat.config;

import java.util.List;

/**
 * Who may change things.
 *
 * @param operators           {@code LIFEBOAT_OPERATORS}: Slack user ids (U…, W…) and user-group ids (S…); empty means nobody
 * @param productionApprovals {@code LIFEBOAT_PRODUCTION_APPROVALS}: approvals needed for production restores (1 or 2)
 */
public record AccessSettings(List<String> operators, int productionApprovals) {
    public AccessSettings {
        operators = List.copyOf(operators);
    }

    public List<String> operatorUsers() {
        return operators.stream().filter(id -> !id.startsWith("S")).toList();
    }

    public List<String> operatorGroups() {
        return operators.stream().filter(id -> id.startsWith("S")).toList();
    }
}
