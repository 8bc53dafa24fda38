package io.infrashare.command.history;

import io.infrashare.command.project.Project;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.EventTypes;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The revision the command side stores each payload under. An event of the contract is stored under its schema
 * revision ({@link EventSchemas#currentRevision}), the same number its {@code ce_dataschema} names on the topic, so
 * stored and published history evolve by the same revisions and upcasters. This stands in for Axon's
 * {@code @Revision}, which would put a framework into the {@code events} module.
 *
 * <p>A {@link Project} snapshot is stored under {@link #snapshotRevision()}, which changes whenever any event type
 * gets a new revision: a snapshot taken before that is ignored and the project is rebuilt from its events.
 */
public class SchemaRevisions implements RevisionResolver {

    /**
     * The shape of {@link Project}'s own fields in a snapshot: raise it when they change, so that snapshots of the
     * old shape are ignored rather than read wrongly.
     */
    static final int PROJECT_STATE = 1;

    private static final Map<String, String> TYPES_BY_CLASS = EventTypes.all().entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(entry -> entry.getValue().getName(), Map.Entry::getKey));

    private final ToIntFunction<String> current;
    private final RevisionResolver others = new AnnotationRevisionResolver();

    /** The revisions of the contract as this build's {@code events} module has them. */
    public SchemaRevisions() {
        this(EventSchemas::currentRevision);
    }

    /** @param current the revision each event type is written in */
    public SchemaRevisions(ToIntFunction<String> current) {
        this.current = current;
    }

    @Override
    public String revisionOf(Class<?> payloadType) {
        if (payloadType == Project.class) {
            return snapshotRevision();
        }
        return eventType(payloadType.getName())
                .map(type -> String.valueOf(current(type)))
                .orElseGet(() -> others.revisionOf(payloadType));
    }

    /** The revision {@code type} is written in. */
    public int current(String type) {
        return current.applyAsInt(type);
    }

    /**
     * The contract's event type of a stored payload's class name, or empty for anything else (a snapshot, a
     * token).
     */
    public static Optional<String> eventType(String payloadClass) {
        return Optional.ofNullable(TYPES_BY_CLASS.get(payloadClass));
    }

    /**
     * The project's state shape and the sum of every event type's revision. Revisions only ever grow, so a new
     * revision of any type changes the sum.
     */
    public String snapshotRevision() {
        int events = EventTypes.all().keySet().stream().mapToInt(this::current).sum();
        return PROJECT_STATE + "." + events;
    }

    /** The revision a stored payload is in: rows stored before revisions were recorded are the first one. */
    static int stored(String revision) {
        return revision == null ? EventSchemas.FIRST_REVISION : Integer.parseInt(revision);
    }
}
