package io.infrashare.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chain of {@link Upcaster}s from any released revision of an event type to the revision this contract writes.
 * Readers upcast a record by the revision its {@code ce_dataschema} names before reading it as the event's record.
 */
public final class Upcasters {

    /** Every upcaster of the contract, one per breaking step between two released revisions. */
    private static final List<Upcaster> CONTRACT = List.of();

    private final Map<Step, Upcaster> steps;

    public Upcasters(Collection<? extends Upcaster> upcasters) {
        steps = upcasters.stream().collect(Collectors.toUnmodifiableMap(
                upcaster -> new Step(upcaster.type(), upcaster.fromRevision()), Function.identity()));
    }

    /** The upcasters this contract ships. */
    public static Upcasters ofContract() {
        return new Upcasters(CONTRACT);
    }

    /** The upcaster from {@code fromRevision} of {@code type} to the next revision, if that step needs one. */
    public Optional<Upcaster> step(String type, int fromRevision) {
        return Optional.ofNullable(steps.get(new Step(type, fromRevision)));
    }

    /**
     * The event as revision {@code to}: each step without an upcaster is one a reader of the newer revision
     * follows as it is (a field added).
     */
    public ObjectNode upcast(String type, int from, int to, ObjectNode data) {
        ObjectNode event = data;
        for (int revision = from; revision < to; revision++) {
            Optional<Upcaster> upcaster = step(type, revision);
            if (upcaster.isPresent()) {
                event = upcaster.get().upcast(event);
            }
        }
        return event;
    }

    /** The event as the revision this contract writes; a newer revision is returned as it is. */
    public ObjectNode toCurrent(String type, int revision, ObjectNode data) {
        return upcast(type, revision, EventSchemas.currentRevision(type), data);
    }

    private record Step(String type, int fromRevision) {
    }
}
