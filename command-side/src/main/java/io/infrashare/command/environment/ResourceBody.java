package io.infrashare.command.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrashare.events.ResourceProvisioned;

import java.util.Map;
import java.util.UUID;

/** A resource as API.md returns it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ResourceBody(UUID id, String type, String name, Map<String, Object> attributes, String status, String origin,
                    Owner owner) {

    record Owner(String project, String environment, @JsonProperty("package")
    String pkg) {
    }

    static ResourceBody of(ResourceProvisioned provisioned) {
        return new ResourceBody(provisioned.resource().value(), provisioned.type().value(), provisioned.name(),
                provisioned.attributes(), "active", "provisioned",
                new Owner(provisioned.project().value(), provisioned.environment().value(),
                        provisioned.pkg().value()));
    }
}
