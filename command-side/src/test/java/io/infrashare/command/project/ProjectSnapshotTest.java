package io.infrashare.command.project;

import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.ResourceDecommissioned;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceImported;
import io.infrashare.events.ResourceShared;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.util.Map;
import java.util.UUID;

import static io.infrashare.command.project.ProjectFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A project is stored as a snapshot in JSON and read back with everything its decisions depend on. */
class ProjectSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json().failOnUnknownProperties(true).build())
            .build();

    @Test
    void aSnapshotHoldsTheWholeStateOfTheProject() {
        Project project = new Project();
        ResourceId database = ResourceId.of(UUID.fromString("5b0c7f3e-2d1a-4e8b-9c6d-7a8b9c0d1e2f"));
        EnvironmentId preview = EnvironmentId.of("si-pr1");
        project.on(sharedInfraCreated());
        project.on(environmentCreated(SI, SI_STAGING, OLIVIA));
        project.on(environmentCreated(SI, preview, OLIVIA));
        project.on(vpcPackageAdded());
        project.on(k8sPackageAdded(SI, OLIVIA));
        project.on(vpcProvisioned());
        project.on(new ResourceImported(ACME, SI, database, AWS_VPC, "billing db",
                Map.of("port", 5432, "ratio", 0.5, "managed", true, "engine", "postgres"), by(OLIVIA)));
        project.on(new ResourceShared(ACME, SI, VPC, ECOMM, by(OLIVIA)));
        project.on(new EnvironmentDefaultSet(ACME, SI, SI_STAGING, AWS_VPC, database, SI, null, by(OLIVIA)));
        project.on(new RemoteReferenceAdded(ACME, SI, SI_STAGING, PackageId.of("k8s"), EKS, ProjectId.of("ops"),
                null, by(OLIVIA)));
        project.on(new ResourceDecommissioned(ACME, SI, database, null, by(OLIVIA)));
        project.on(new EnvironmentDeleted(ACME, SI, preview, by(OLIVIA)));

        SerializedObject<byte[]> snapshot = serializer.serialize(project, byte[].class);
        Project read = serializer.deserialize(snapshot);

        assertThat(read).usingRecursiveComparison().isEqualTo(project);
        assertThat(new String(snapshot.getData())).contains("si-pr1", "billing db", "\"ops\"", "ecomm");
    }
}
