package io.infrashare.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** A project's abbreviation, unique in its organization (`si`, `ecomm`). */
public record ProjectId(@JsonValue String value) implements Comparable<ProjectId> {

    public ProjectId {
        Objects.requireNonNull(value, "ProjectId needs a value");
    }

    @JsonCreator
    public static ProjectId of(String value) {
        return new ProjectId(value);
    }

    @Override
    public int compareTo(ProjectId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
