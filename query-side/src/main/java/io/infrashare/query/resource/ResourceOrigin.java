package io.infrashare.query.resource;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Whether a package of an environment provisioned the resource, or it exists outside and was imported. */
public enum ResourceOrigin {
    PROVISIONED, IMPORTED;

    @JsonValue
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ResourceOrigin of(String json) {
        return valueOf(json.toUpperCase(Locale.ROOT));
    }
}
