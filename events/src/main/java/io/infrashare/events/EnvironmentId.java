package io.infrashare.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * An environment's id, {@code <project>-<environment abbreviation>} ({@code si-staging}). Abbreviations hold no
 * hyphen, so the project is everything before the first one.
 */
public record EnvironmentId(@JsonValue String value) implements Comparable<EnvironmentId> {

    public EnvironmentId {
        Objects.requireNonNull(value, "EnvironmentId needs a value");
    }

    @JsonCreator
    public static EnvironmentId of(String value) {
        return new EnvironmentId(value);
    }

    public static EnvironmentId of(ProjectId project, String abbreviation) {
        return new EnvironmentId(project.value() + "-" + abbreviation);
    }

    public ProjectId project() {
        int hyphen = value.indexOf('-');
        return ProjectId.of(hyphen < 0 ? value : value.substring(0, hyphen));
    }

    @Override
    public int compareTo(EnvironmentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
