package io.infrashare.command.project;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectId;

/** A project's aggregate identifier: abbreviations are unique only inside an organization. */
public record ProjectKey(OrganizationId organization, ProjectId project) {

    public static ProjectKey of(OrganizationId organization, ProjectId project) {
        return new ProjectKey(organization, project);
    }

    @Override
    public String toString() {
        return organization + "/" + project;
    }
}
