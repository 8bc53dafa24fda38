package io.infrashare.query.consumption;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceType;
import io.infrashare.query.resource.ResourceView;

import java.time.Instant;
import java.util.List;

/** What an environment consumes: {@code GET /environments/{env}/consumption} of docs/http-api.md. */
record ConsumptionView(EnvironmentId environment, ProjectId project, Instant asOf, List<Default> defaults,
                       List<RemoteReference> remoteReferences) {

    record Default(ResourceType type, ResourceView resource, Instant since, String setBy) {
    }

    record RemoteReference(@JsonProperty("package") PackageId pkg, ResourceView resource, Instant since,
                           String setBy) {
    }
}
