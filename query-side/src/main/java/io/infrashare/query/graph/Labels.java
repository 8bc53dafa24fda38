package io.infrashare.query.graph;

/** What the drawn formats write beside a node's name and on an edge, before each escapes it its own way. */
final class Labels {

    private Labels() {
    }

    /** The second line of a node's label: a resource's type, else the project's or environment's id. */
    static String detail(GraphNode node) {
        return node.type() != null ? node.type().value() : node.key();
    }

    /** An edge's kind, and a remote reference's package after it. */
    static String of(GraphEdge edge) {
        return edge.pkg() == null ? edge.kind().json() : edge.kind().json() + " " + edge.pkg();
    }

    /**
     * Control characters, format characters (bidirectional controls, joiners), line and paragraph separators and
     * unpaired surrogates: what could break a line of the text or reorder how it reads, written as a numeric entity.
     */
    static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
