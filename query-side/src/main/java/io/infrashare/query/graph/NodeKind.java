package io.infrashare.query.graph;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a node of the sharing graph stands for. A node's id is its kind and the thing's own id
 * ({@code project:ecomm}, {@code environment:ecomm-staging}, {@code resource:8c1f7a5e-...}), so ids never clash across
 * kinds and a client finds the thing's id after the colon.
 */
enum NodeKind {
    PROJECT("project"), ENVIRONMENT("environment"), RESOURCE("resource");

    private final String json;

    NodeKind(String json) {
        this.json = json;
    }

    @JsonValue
    String json() {
        return json;
    }

    /** The id of the node of this kind for the thing of this id. */
    String node(String id) {
        return json + ":" + id;
    }
}
