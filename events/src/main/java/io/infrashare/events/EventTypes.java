package io.infrashare.events;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Maps the CloudEvents {@code type} of a record to the class its data deserializes into. */
public final class EventTypes {

    private static final Map<String, Class<? extends InfrashareEvent>> BY_NAME = Stream.of(
                    ProjectCreated.class, EnvironmentCreated.class, EnvironmentDeleted.class, PackageAdded.class,
                    ResourceProvisioned.class, ResourceImported.class, ResourceReconfigured.class,
                    ResourceDecommissioned.class, ResourceShared.class, ResourceShareRevoked.class,
                    EnvironmentDefaultSet.class, EnvironmentDefaultCleared.class, RemoteReferenceAdded.class,
                    RemoteReferenceRemoved.class, ResourceTypeConfigured.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static Optional<Class<? extends InfrashareEvent>> forType(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }

    public static Map<String, Class<? extends InfrashareEvent>> all() {
        return BY_NAME;
    }
}
