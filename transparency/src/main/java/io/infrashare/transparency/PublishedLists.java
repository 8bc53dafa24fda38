package io.infrashare.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The one array the key and checkpoint files each hold under a name, e.g. {@code {"keys":[...]}}. */
final class PublishedLists {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishedLists() {
    }

    /** Refuses JSON that is not an object with such an array. */
    static JsonNode array(byte[] json, String name) {
        JsonNode array;
        try {
            array = JSON.readTree(json).path(name);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("no \"" + name + "\" array");
        }
        return array;
    }
}
