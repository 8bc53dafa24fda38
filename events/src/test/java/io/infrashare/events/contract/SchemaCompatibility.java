package io.infrashare.events.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what, between two revisions of an event's schema, a reader of the newer one could not follow in data written
 * to the older one: a field removed or renamed, a type changed or narrowed (null no longer allowed), an optional
 * field made required, a new field that old data cannot have, a constraint added. Additions old data can satisfy
 * (a nullable field, a wider type) are compatible.
 */
final class SchemaCompatibility {

    private static final Set<String> CHECKED = Set.of("type", "properties", "required", "additionalProperties", "items",
            "description", "title", "$schema", "$id", "minLength", "uniqueItems", "format", "pattern", "enum", "const");

    private SchemaCompatibility() {
    }

    /** The breaking changes from {@code older} to {@code newer}, one sentence each; empty if there are none. */
    static List<String> breakingChanges(JsonNode older, JsonNode newer) {
        List<String> changes = new ArrayList<>();
        compare("", older, newer, changes);
        return changes;
    }

    private static void compare(String path, JsonNode older, JsonNode newer, List<String> changes) {
        Set<String> olderTypes = types(older);
        Set<String> newerTypes = types(newer);
        if (!newerTypes.containsAll(olderTypes)) {
            Set<String> lost = new TreeSet<>(olderTypes);
            lost.removeAll(newerTypes);
            changes.add(lost.equals(Set.of("null"))
                    ? name(path) + " may no longer be null"
                    : name(path) + " changes type from " + olderTypes + " to " + newerTypes);
        }
        constraintAdded(path, "format", older, newer, changes);
        constraintAdded(path, "pattern", older, newer, changes);
        constraintAdded(path, "enum", older, newer, changes);
        constraintAdded(path, "const", older, newer, changes);
        if (older.path("minLength").asInt(0) < newer.path("minLength").asInt(0)) {
            changes.add(name(path) + " raises its minimum length");
        }
        if (!older.path("uniqueItems").asBoolean(false) && newer.path("uniqueItems").asBoolean(false)) {
            changes.add(name(path) + " now needs unique items");
        }
        newer.fieldNames().forEachRemaining(keyword -> {
            if (!CHECKED.contains(keyword) && isConstraint(keyword)
                    && !Objects.equals(older.get(keyword), newer.get(keyword))) {
                changes.add(name(path) + (older.has(keyword) ? " changes" : " adds") + " the constraint '" + keyword
                        + "'");
            }
        });
        compareProperties(path, older, newer, changes);
        compareOpenness(path, older, newer, changes);
        if (older.has("items") && newer.has("items")) {
            compare(path + "[]", older.get("items"), newer.get("items"), changes);
        }
    }

    private static void compareProperties(String path, JsonNode older, JsonNode newer, List<String> changes) {
        JsonNode olderProperties = older.path("properties");
        JsonNode newerProperties = newer.path("properties");
        Set<String> olderRequired = required(older);
        Set<String> newerRequired = required(newer);
        olderProperties.fieldNames().forEachRemaining(field -> {
            String fieldPath = child(path, field);
            if (!newerProperties.has(field)) {
                changes.add(name(fieldPath) + " is removed (or renamed)");
                return;
            }
            if (newerRequired.contains(field) && !olderRequired.contains(field)) {
                changes.add(name(fieldPath) + " becomes required");
            }
            compare(fieldPath, olderProperties.get(field), newerProperties.get(field), changes);
        });
        newerProperties.fieldNames().forEachRemaining(field -> {
            if (!olderProperties.has(field) && newerRequired.contains(field)
                    && !types(newerProperties.get(field)).contains("null")) {
                changes.add(name(child(path, field)) + " is added as a required field that may not be null, "
                        + "which data of the older revision lacks");
            }
        });
    }

    /** An object that took any property, or properties of one schema, may not become stricter. */
    private static void compareOpenness(String path, JsonNode older, JsonNode newer, List<String> changes) {
        JsonNode olderExtra = older.get("additionalProperties");
        JsonNode newerExtra = newer.get("additionalProperties");
        boolean olderOpen = olderExtra == null || !olderExtra.isBoolean() || olderExtra.asBoolean();
        if (!olderOpen || newerExtra == null || (newerExtra.isBoolean() && newerExtra.asBoolean())) {
            return;
        }
        if (newerExtra.isBoolean()) {
            changes.add(name(path) + " no longer takes properties it does not name");
        } else if (olderExtra != null && olderExtra.isObject()) {
            compare(path + "{}", olderExtra, newerExtra, changes);
        } else {
            changes.add(name(path) + " restricts the properties it does not name");
        }
    }

    private static void constraintAdded(String path, String keyword, JsonNode older, JsonNode newer,
                                        List<String> changes) {
        JsonNode newerValue = newer.get(keyword);
        if (newerValue != null && !Objects.equals(older.get(keyword), newerValue)) {
            changes.add(name(path) + (older.has(keyword) ? " changes its " : " adds the ") + "'" + keyword
                    + "' " + newerValue);
        }
    }

    private static boolean isConstraint(String keyword) {
        return !keyword.startsWith("$") && !Set.of("examples", "default", "deprecated", "readOnly", "writeOnly",
                "$comment").contains(keyword);
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        Set<String> types = new TreeSet<>();
        if (type == null) {
            types.addAll(Set.of("array", "boolean", "null", "number", "object", "string"));
        } else if (type.isArray()) {
            type.forEach(each -> types.add(each.asText()));
        } else {
            types.add(type.asText());
        }
        if (types.contains("number")) {
            types.add("integer");
        }
        return types;
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        return required;
    }

    private static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String name(String path) {
        return path.isEmpty() ? "the event" : "'" + path + "'";
    }
}
