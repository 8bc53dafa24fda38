package io.infrashare.support;

import io.infrashare.events.OrganizationId;

import java.util.Set;

/** The authenticated principal of a request: whose organization everything is resolved in, and what it may do. */
public record Caller(OrganizationId organization, String name, Set<String> teams, Set<String> roles) {

    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";

    public Caller {
        teams = Set.copyOf(teams);
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /** Members of a team, and admins, act for the team. */
    public boolean actsFor(String team) {
        return isAdmin() || teams.contains(team);
    }
}
