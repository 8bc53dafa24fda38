package io.infrashare.query.consumption;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceType;
import io.infrashare.query.resource.ResourceView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** What an environment consumes: {@code GET /environments/{env}/consumption} of docs/http-api.md. */
@Schema(name = "Consumption")
record ConsumptionView(EnvironmentId environment, ProjectId project, Instant asOf, List<Default> defaults,
                       List<RemoteReference> remoteReferences) {

    @Schema(name = "ConsumedDefault")
    record Default(ResourceType type, ResourceView resource, Instant since, String setBy) {
    }

    @Schema(name = "ConsumedRemoteReference")
    record RemoteReference(@JsonProperty("package") PackageId pkg, ResourceView resource, Instant since,
                           String setBy) {
    }
}
