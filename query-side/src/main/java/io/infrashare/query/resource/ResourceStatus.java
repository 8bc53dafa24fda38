package io.infrashare.query.resource;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum ResourceStatus {
    ACTIVE, DECOMMISSIONED;

    @JsonValue
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ResourceStatus of(String json) {
        return valueOf(json.toUpperCase(Locale.ROOT));
    }
}
