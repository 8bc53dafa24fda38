package io.infrashare.query.graph;

/**
 * The graph as a Mermaid {@code flowchart LR}, which GitHub renders in Markdown: projects as rectangles, environments
 * rounded, resources as cylinders, each labelled with its name over its id (its type for a resource).
 *
 * <p>Names are the callers' text, so nothing of them reaches the syntax: a node's Mermaid id is made of its graph id
 * ({@code environment:ecomm-staging} becomes {@code environment_ecomm_staging}; the contract's ids hold only letters,
 * digits and hyphens, so no two meet), and every label is quoted with each character that means something to
 * Mermaid, or to the HTML it renders, written as an entity code ({@code #quot;}, {@code #35;}), as are control,
 * format and line-separating characters.
 */
final class MermaidText {

    private MermaidText() {
    }

    static String of(GraphView graph) {
        StringBuilder text = new StringBuilder(64 * (graph.nodes().size() + graph.edges().size()) + 64);
        text.append("flowchart LR\n");
        if (graph.asOf() != null) {
            text.append("    %% as of ").append(graph.asOf()).append('\n');
        }
        for (GraphNode node : graph.nodes()) {
            String[] shape = switch (node.kind()) {
                case PROJECT -> new String[]{"[", "]"};
                case ENVIRONMENT -> new String[]{"(", ")"};
                case RESOURCE -> new String[]{"[(", ")]"};
            };
            text.append("    ").append(id(node.id())).append(shape[0]).append('"').append(label(node.label()))
                    .append("<br/>").append(label(Labels.detail(node))).append('"').append(shape[1]).append('\n');
        }
        for (GraphEdge edge : graph.edges()) {
            text.append("    ").append(id(edge.from())).append(" -->|\"").append(label(Labels.of(edge)))
                    .append("\"| ").append(id(edge.to())).append('\n');
        }
        return text.toString();
    }

    /** Letters and digits as they are, anything else an underscore: always a valid Mermaid id, never a keyword. */
    static String id(String node) {
        StringBuilder id = new StringBuilder(node.length());
        node.chars().forEach(c -> id.append(c < 128 && Character.isLetterOrDigit(c) ? (char) c : '_'));
        return id.toString();
    }

    static String label(String text) {
        StringBuilder label = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> label.append("#quot;");
                case '#' -> label.append("#35;");
                case '&' -> label.append("#amp;");
                case '<' -> label.append("#lt;");
                case '>' -> label.append("#gt;");
                default -> {
                    if (Labels.invisible(c) || c == '`') {
                        label.append('#').append(c).append(';');
                    } else {
                        label.appendCodePoint(c);
                    }
                }
            }
        });
        return label.toString();
    }
}
