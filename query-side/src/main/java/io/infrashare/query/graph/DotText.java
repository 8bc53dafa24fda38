package io.infrashare.query.graph;

/**
 * The graph as a Graphviz {@code digraph} ({@code dot -Tsvg}): projects as boxes, environments as rounded boxes,
 * resources as cylinders, each labelled with its name over its id (its type for a resource).
 *
 * <p>Ids and labels are quoted strings, in which DOT escapes only the double quote; a backslash is doubled, so that
 * the label shows it rather than Graphviz reading an escape such as {@code \N} in a name. Graphviz also reads HTML
 * entities in labels, so an ampersand is written {@code &amp;}, and control, format and line-separating characters as
 * numeric entities, which keeps every statement on its line.
 */
final class DotText {

    private DotText() {
    }

    static String of(GraphView graph) {
        StringBuilder text = new StringBuilder(96 * (graph.nodes().size() + graph.edges().size()) + 64);
        text.append("digraph sharing {\n");
        if (graph.asOf() != null) {
            text.append("    // as of ").append(graph.asOf()).append('\n');
        }
        text.append("    rankdir=LR;\n");
        for (GraphNode node : graph.nodes()) {
            String shape = switch (node.kind()) {
                case PROJECT -> "shape=box";
                case ENVIRONMENT -> "shape=box, style=rounded";
                case RESOURCE -> "shape=cylinder";
            };
            text.append("    \"").append(quoted(node.id())).append("\" [label=\"").append(label(node.label()))
                    .append("\\n").append(label(Labels.detail(node))).append("\", ").append(shape).append("];\n");
        }
        for (GraphEdge edge : graph.edges()) {
            text.append("    \"").append(quoted(edge.from())).append("\" -> \"").append(quoted(edge.to()))
                    .append("\" [label=\"").append(label(Labels.of(edge))).append("\"];\n");
        }
        return text.append("}\n").toString();
    }

    /** The text inside a quoted id. */
    static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String label(String text) {
        StringBuilder label = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> label.append("\\\"");
                case '\\' -> label.append("\\\\");
                case '&' -> label.append("&amp;");
                default -> {
                    if (Labels.invisible(c)) {
                        label.append("&#").append(c).append(';');
                    } else {
                        label.appendCodePoint(c);
                    }
                }
            }
        });
        return label.toString();
    }
}
