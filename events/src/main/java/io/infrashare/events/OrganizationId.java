package io.infrashare.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** The tenant: every principal belongs to one, and nothing crosses organizations. */
public record OrganizationId(@JsonValue String value) implements Comparable<OrganizationId> {

    public OrganizationId {
        Objects.requireNonNull(value, "OrganizationId needs a value");
    }

    @JsonCreator
    public static OrganizationId of(String value) {
        return new OrganizationId(value);
    }

    @Override
    public int compareTo(OrganizationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
