package io.infrashare.query.resource;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * The way an environment consumes a resource: as the default of its type, or as a remote reference standing in for a
 * package. Its JSON name is also what the consumption tables store.
 */
public enum Via {
    DEFAULT("default"), REMOTE_REFERENCE("remote-reference");

    private final String json;

    Via(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static Via of(String json) {
        return Arrays.stream(values()).filter(via -> via.json.equals(json)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No way of consuming called " + json));
    }
}
