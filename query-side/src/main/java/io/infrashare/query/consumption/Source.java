package io.infrashare.query.consumption;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where the resource of a package in an environment comes from, in the order one wins over the next: provisioned
 * there, else a remote reference standing in for the package, else the environment's default of the package's type
 * (remote reference over default, as the domain's model has it), else nothing.
 */
enum Source {
    PROVISIONED("provisioned"), REMOTE_REFERENCE("remote-reference"), DEFAULT("default"), NONE("none");

    private final String json;

    Source(String json) {
        this.json = json;
    }

    @JsonValue
    String json() {
        return json;
    }
}
