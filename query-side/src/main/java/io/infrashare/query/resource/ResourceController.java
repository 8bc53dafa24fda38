package io.infrashare.query.resource;

import io.infrashare.events.ResourceId;
import io.infrashare.query.Identifiers;
import io.infrashare.query.NotFound;
import io.infrashare.query.PointInTime;
import io.infrashare.query.Positioned;
import io.infrashare.support.Caller;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


@RestController
class ResourceController {


    private final ResourceQuery query;

    ResourceController(ResourceQuery query) {
        this.query = query;
    }

    @Operation(operationId = "getResource", tags = "resources", summary = "A resource",
            description = "The resource as the command side answers it: type, name, attributes, status, origin and "
                    + "owner. With at, as it was then; a resource that did not exist yet then is a 404.")
    @Refusals({HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND})
    @GetMapping("/resources/{id}")
    ResponseEntity<ResourceView> resource(@PathVariable String id, @RequestParam(required = false) String at,
                                          Caller caller) {
        ResourceId resource = resourceId(id);
        return (at == null ? query.resource(caller.organization(), resource)
                : query.resource(caller.organization(), resource, PointInTime.parse(at)))
                .map(Positioned::toResponse)
                .orElseThrow(() -> notFound(id));
    }

    @Operation(operationId = "getResourceConsumers", tags = "resources",
            summary = "Who may use a resource, and who does",
            description = "The blast radius of changing or decommissioning a resource: the projects it is shared "
                    + "with (rule 2: only what is shared is consumed), and every live environment consuming it, "
                    + "by default or by remote reference (rule 5: nothing consumed is taken away). With at, as "
                    + "it was then.")
    @Refusals({HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND})
    @GetMapping("/resources/{id}/consumers")
    ResponseEntity<ConsumersView> consumers(@PathVariable String id, @RequestParam(required = false) String at,
                                            Caller caller) {
        ResourceId resource = resourceId(id);
        return (at == null ? query.consumers(caller.organization(), resource)
                : query.consumers(caller.organization(), resource, PointInTime.parse(at)))
                .map(Positioned::toResponse)
                .orElseThrow(() -> notFound(id));
    }

    @Operation(operationId = "getResourceImpact", tags = "resources",
            summary = "Every environment that changing or decommissioning a resource would reach",
            description = "Depth 1: every live environment consuming the resource, by default or by remote "
                    + "reference; depth n + 1: every live environment consuming a resource provisioned in an "
                    + "environment of depth n, with through naming the resource it consumes. An environment reached "
                    + "through several resources is listed for each. Sorted by depth, then environment. package is "
                    + "null for a default, which serves every package of its type the environment neither provisions "
                    + "nor references (the package's resolution says which). With at, as it was then: environments "
                    + "live and resources active then.")
    @Refusals({HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND})
    @GetMapping("/resources/{id}/impact")
    ResponseEntity<ImpactView> impact(@PathVariable String id, @RequestParam(required = false) String at,
                                      Caller caller) {
        ResourceId resource = resourceId(id);
        return (at == null ? query.impact(caller.organization(), resource)
                : query.impact(caller.organization(), resource, PointInTime.parse(at)))
                .map(Positioned::toResponse)
                .orElseThrow(() -> notFound(id));
    }

    /** Named {@code id} as in the path. */
    private static ResourceId resourceId(String id) {
        return Identifiers.resource(id, "id");
    }

    private static NotFound notFound(String id) {
        return new NotFound("There is no resource '" + id + "'.");
    }
}
