package io.infrashare.command.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrashare.events.Upcasters;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Brings each stored event to the revision the command side reads, with the {@code events} module's
 * {@link Upcasters}: the same steps a consumer applies to a record of the topic. An event already at that revision,
 * or at a newer one a newer node wrote, is read as it is; a snapshot is not an event of the contract and passes.
 */
public class StoredEventUpcaster extends SingleEventUpcaster {

    private final Upcasters upcasters;
    private final SchemaRevisions revisions;

    public StoredEventUpcaster(Upcasters upcasters, SchemaRevisions revisions) {
        this.upcasters = upcasters;
        this.revisions = revisions;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return SchemaRevisions.eventType(event.getType().getName())
                .filter(type -> stored(event) < revisions.current(type))
                .isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String payloadClass = event.getType().getName();
        String type = SchemaRevisions.eventType(payloadClass).orElseThrow();
        int from = stored(event);
        int to = revisions.current(type);
        return event.upcastPayload(new SimpleSerializedType(payloadClass, String.valueOf(to)), JsonNode.class,
                data -> upcasters.upcast(type, from, to, (ObjectNode) data));
    }

    private static int stored(IntermediateEventRepresentation event) {
        return SchemaRevisions.stored(event.getType().getRevision());
    }
}
