package io.infrashare.command.project;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.ResourceType;

/**
 * Rule 3 of docs/domain.md: a default for type T takes a resource of type T, and T must be defaultable; a remote
 * reference on package P takes a resource of P's type.
 */
final class TypesMatch {

    private TypesMatch() {
    }

    static void require(CatalogedResource resource, ResourceType type) {
        if (!resource.type().equals(type)) {
            throw new CommandRefusedException(RefusalCode.TYPE_MISMATCH, "Resource " + resource.id() + " is a "
                    + resource.type() + ", not a " + type + ".");
        }
    }

    /**
     * Needs the catalog: whether a type is defaultable is the organization's setting ({@link ResourceCatalog#defaultable},
     * kept from the registry's {@code ResourceTypeConfigured} events), else {@link DefaultableTypes#isBuiltIn}.
     */
    static void requireDefaultable(ResourceCatalog catalog, OrganizationId organization, ResourceType type) {
        if (!catalog.defaultable(organization, type)) {
            throw new CommandRefusedException(RefusalCode.TYPE_NOT_DEFAULTABLE, "Type " + type
                    + " cannot be an environment default; an admin may make it defaultable.");
        }
    }
}
