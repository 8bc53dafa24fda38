package io.infrashare.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** A resource's id, a UUID assigned when it is provisioned or imported. */
public record ResourceId(@JsonValue java.util.UUID value) implements Comparable<ResourceId> {

    public ResourceId {
        Objects.requireNonNull(value, "ResourceId needs a value");
    }

    @JsonCreator
    public static ResourceId of(java.util.UUID value) {
        return new ResourceId(value);
    }

    /** From its text, as {@link #toString()} writes it; Jackson reads a map's keys of this type with it. */
    public static ResourceId fromString(String value) {
        return new ResourceId(java.util.UUID.fromString(value));
    }

    @Override
    public int compareTo(ResourceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
