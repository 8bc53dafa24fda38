package io.infrashare.events;

public record ProjectCreated(
        OrganizationId organization,
        ProjectId project,
        String name,
        String ownerTeam,
        Provenance provenance) implements InfrashareEvent {

    @Override
    public String subject() {
        return "projects/" + project;
    }
}
