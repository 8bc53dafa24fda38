package io.infrashare.events;

public record PackageAdded(
        OrganizationId organization,
        ProjectId project,
        PackageId pkg,
        String bundle,
        ResourceType resourceType,
        Provenance provenance) implements InfrashareEvent {

    @Override
    public String subject() {
        return "projects/" + project + "/packages/" + pkg;
    }
}
