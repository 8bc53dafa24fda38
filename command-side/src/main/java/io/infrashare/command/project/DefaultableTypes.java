package io.infrashare.command.project;

import io.infrashare.events.ResourceType;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The types that may be environment defaults out of the box (docs/domain.md): networks, clusters, cloud credentials. */
public final class DefaultableTypes {

    static final Set<ResourceType> BUILT_IN = Stream.of(
                    "aws-vpc", "azure-virtual-network", "gcp-subnetwork",
                    "kubernetes-cluster",
                    "aws-iam-role", "azure-service-principal", "gcp-service-account")
            .map(ResourceType::of)
            .collect(Collectors.toUnmodifiableSet());

    private DefaultableTypes() {
    }

    public static boolean isBuiltIn(ResourceType type) {
        return BUILT_IN.contains(type);
    }
}
