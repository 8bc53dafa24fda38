package io.infrashare.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations {@code docs/http-api.md} lists, and those of the OpenAPI document a service serves, for the tests
 * that hold the two together. The document lists an operation as a table row whose first cell is
 * {@code `METHOD /path`}, path variables named as in the OpenAPI document.
 */
public final class HttpApiDocument {

    private static final Pattern OPERATION = Pattern.compile("(?m)^\\|\\s*`([A-Z]+ /[^`\\s]*)`\\s*\\|");

    private HttpApiDocument() {
    }

    /**
     * "METHOD /path" of each operation in the section whose heading starts with {@code heading}, such as
     * {@code "## Command side"}, up to the next section of that level. Tests run in their module's folder, below the
     * repository's root (or where {@code infrashare.root} says).
     */
    public static Set<String> operations(String heading) throws IOException {
        Path file = Path.of(System.getProperty("infrashare.root", "..")).resolve("docs/http-api.md");
        String text = Files.readString(file);
        int start = text.indexOf("\n" + heading);
        if (start < 0) {
            throw new IllegalStateException(file + " has no section '" + heading + "'");
        }
        int end = text.indexOf("\n## ", start + 1);
        Matcher row = OPERATION.matcher(text.substring(start, end < 0 ? text.length() : end));
        Set<String> operations = new TreeSet<>();
        while (row.find()) {
            operations.add(row.group(1));
        }
        return operations;
    }

    /**
     * "METHOD /path" of each operation of an OpenAPI document's {@code paths} (path to method to operation, as JSON
     * reads into maps), but for actuator's and the document's own.
     */
    public static Set<String> served(Map<?, ?> paths) {
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> ((Map<?, ?>) methods).keySet()
                .forEach(method -> operations.add(method.toString().toUpperCase(Locale.ROOT) + " " + path)));
        operations.removeIf(operation -> operation.contains(" /actuator") || operation.contains(" /v3/api-docs"));
        return operations;
    }
}
