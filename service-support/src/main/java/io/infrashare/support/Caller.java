package io.infrashare.support;

import io.infrashare.events.OrganizationId;

import java.util.Set;

/**
 * The authenticated principal of a request: whose organization everything is resolved in, and what it may do. A
 * platform {@code operator} may belong to no organization ({@code organization} is null): such a caller reaches the
 * stack-wide operations only, never an organization's data.
 */
public record Caller(OrganizationId organization, String id, String name, Set<String> teams, Set<String> roles) {

    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";
    public static final String OPERATOR = "operator";

    /**
     * @param id   the principal's stable identity, which idempotency keys, rate limits and the audit key on: a JWT's
     *             issuer and subject ({@code <iss>#<sub>}), a demo principal's name
     * @param name the principal's name, for display
     */
    public Caller {
        teams = Set.copyOf(teams);
        roles = Set.copyOf(roles);
    }

    /** A caller known by its name alone, as the demo principals are. */
    public Caller(OrganizationId organization, String name, Set<String> teams, Set<String> roles) {
        this(organization, name, name, teams, roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /** Auditors read and never write, whatever teams or other roles their token names. */
    public boolean isAuditor() {
        return roles.contains(AUDITOR);
    }

    /** The platform's operator: rebuilds read models and sees stack-wide health and metrics. */
    public boolean isOperator() {
        return roles.contains(OPERATOR);
    }

    /** Members of a team, and admins, act for the team; an auditor never does. */
    public boolean actsFor(String team) {
        return !isAuditor() && (isAdmin() || teams.contains(team));
    }
}
