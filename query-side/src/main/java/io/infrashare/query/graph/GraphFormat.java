package io.infrashare.query.graph;

import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** How {@code GET /graph} writes the graph, chosen by {@code format}: the answer's media type follows from it. */
enum GraphFormat {
    JSON("json", MediaType.APPLICATION_JSON),
    MERMAID("mermaid", new MediaType("text", "vnd.mermaid", StandardCharsets.UTF_8)),
    DOT("dot", new MediaType("text", "vnd.graphviz", StandardCharsets.UTF_8));

    static final String MERMAID_TYPE = "text/vnd.mermaid";
    static final String DOT_TYPE = "text/vnd.graphviz";

    private final String name;
    private final MediaType mediaType;

    GraphFormat(String name, MediaType mediaType) {
        this.name = name;
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The JSON view itself, or the text drawing it. */
    Object body(GraphView graph) {
        return switch (this) {
            case JSON -> graph;
            case MERMAID -> MermaidText.of(graph);
            case DOT -> DotText.of(graph);
        };
    }

    static Optional<GraphFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.name.equals(name)).findFirst();
    }
}
