package io.infrashare.query.graph;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How two nodes of the sharing graph are related, each edge pointing the way its name reads: a project
 * {@code owns} its environments and the resources imported into it; a resource is {@code provisioned-in} the
 * environment whose package produced it and {@code shared-with} each project it is shared with; an environment
 * consumes a resource as its {@code default} of the resource's type or by {@code remote-reference}, and is
 * {@code forked-from} the environment it was made from.
 */
enum EdgeKind {
    OWNS("owns"), PROVISIONED_IN("provisioned-in"), SHARED_WITH("shared-with"), DEFAULT("default"),
    REMOTE_REFERENCE("remote-reference"), FORKED_FROM("forked-from");

    private final String json;

    EdgeKind(String json) {
        this.json = json;
    }

    @JsonValue
    String json() {
        return json;
    }
}
