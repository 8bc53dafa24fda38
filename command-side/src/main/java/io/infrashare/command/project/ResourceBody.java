package io.infrashare.command.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.UUID;

/** A resource as docs/http-api.md returns it; an imported one has no environment and package. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResourceBody(UUID id, String type, String name, Map<String, Object> attributes, String status,
                           String origin, Owner owner) {

    public record Owner(String project, String environment, @JsonProperty("package") String pkg) {
    }

    public static ResourceBody of(ResourceDescription resource) {
        return new ResourceBody(resource.id().value(), resource.type().value(), resource.name(),
                resource.attributes(), resource.active() ? "active" : "decommissioned",
                resource.imported() ? "imported" : "provisioned",
                new Owner(resource.owner().value(),
                        resource.environment() == null ? null : resource.environment().value(),
                        resource.pkg() == null ? null : resource.pkg().value()));
    }
}
