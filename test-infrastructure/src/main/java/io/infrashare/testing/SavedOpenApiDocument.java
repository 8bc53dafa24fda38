package io.infrashare.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OpenAPI documents saved in {@code docs/openapi/}, from which clients are generated: each side's
 * {@code OpenApiDocumentIT} holds its saved document to the one it serves. Run it with
 * {@code -Dinfrashare.openapi.refresh=true} to write the served document over the saved one.
 */
public final class SavedOpenApiDocument {

    public static final String HOW_TO_REFRESH = "the saved document differs from the served one: review the change, "
            + "then refresh the saved file with ./mvnw -o -q -pl command-side,query-side -am verify "
            + "-Dit.test=OpenApiDocumentIT -Dsurefire.failIfNoSpecifiedTests=false -Dinfrashare.openapi.refresh=true";

    private static final DefaultIndenter LINES = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(LINES)
            .withArrayIndenter(LINES);

    private SavedOpenApiDocument() {
    }

    /** The document as it is saved: in the served order of keys (sorted), two spaces of indent, a line each. */
    public static String text(JsonNode document) throws JsonProcessingException {
        return new ObjectMapper().writer(PRETTY).writeValueAsString(document) + "\n";
    }

    /**
     * The saved {@code docs/openapi/<side>.json}, empty if there is none; with {@code infrashare.openapi.refresh}, the
     * served text is written there first. Tests run in their module's folder, below the repository's root (or where
     * {@code infrashare.root} says).
     */
    public static String saved(String side, String served) throws IOException {
        Path file = Path.of(System.getProperty("infrashare.root", "..")).resolve("docs/openapi/" + side + ".json");
        if (Boolean.getBoolean("infrashare.openapi.refresh")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, served);
        }
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
