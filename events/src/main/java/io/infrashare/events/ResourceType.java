package io.infrashare.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** A resource type name such as `aws-vpc` or `kubernetes-cluster`. */
public record ResourceType(@JsonValue String value) implements Comparable<ResourceType> {

    public ResourceType {
        Objects.requireNonNull(value, "ResourceType needs a value");
    }

    @JsonCreator
    public static ResourceType of(String value) {
        return new ResourceType(value);
    }

    @Override
    public int compareTo(ResourceType other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
