package io.infrashare.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** A package's name, unique in its project (`vpc`, `k8s`). */
public record PackageId(@JsonValue String value) implements Comparable<PackageId> {

    public PackageId {
        Objects.requireNonNull(value, "PackageId needs a value");
    }

    @JsonCreator
    public static PackageId of(String value) {
        return new PackageId(value);
    }

    @Override
    public int compareTo(PackageId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
