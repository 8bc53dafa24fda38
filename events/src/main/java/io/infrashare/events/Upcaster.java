package io.infrashare.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.UnaryOperator;

/**
 * Turns an event's JSON in one revision of its schema into the JSON of the next revision, for a change an existing
 * reader could not follow (a field renamed, removed or retyped). Released revisions stay readable for good: records
 * on the topic and in the event store are never rewritten.
 */
public interface Upcaster {

    /** The event type, such as {@code EnvironmentDefaultSet}. */
    String type();

    /** The revision this upcaster reads; it writes the one after it. */
    int fromRevision();

    /** The event in revision {@code fromRevision() + 1}; it may change {@code data} and return it. */
    ObjectNode upcast(ObjectNode data);

    /** The step from {@code fromRevision} of {@code type} that {@code change} makes. */
    static Upcaster of(String type, int fromRevision, UnaryOperator<ObjectNode> change) {
        return new Upcaster() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public int fromRevision() {
                return fromRevision;
            }

            @Override
            public ObjectNode upcast(ObjectNode data) {
                return change.apply(data);
            }
        };
    }
}
