package io.infrashare.query.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a drawn graph back as strictly as it is meant to be written: every line one statement of the few the format
 * writes, every label decoded from its escapes. A line that is anything else fails, so a name that broke out of its
 * quotes, started a new line or ended a statement cannot pass.
 */
final class Drawings {

    /**
     * @param labels each node's id and its label as a reader sees it, the name and the second line joined by a line
     *               break
     * @param edges  each edge as "from label to"
     */
    record Drawn(Map<String, String> labels, List<String> edges) {
    }

    private static final Set<String> MERMAID_KEYWORDS = Set.of("end", "graph", "flowchart", "subgraph", "style",
            "class", "classdef", "click", "linkstyle", "direction", "call", "href");
    private static final Pattern MERMAID_NODE =
            Pattern.compile(" {4}([A-Za-z0-9_]+)(\\[\\(|\\[|\\()\"([^\"]*)\"(\\)]|]|\\))");
    private static final Pattern MERMAID_EDGE =
            Pattern.compile(" {4}([A-Za-z0-9_]+) -->\\|\"([^\"]*)\"\\| ([A-Za-z0-9_]+)");
    private static final Pattern MERMAID_ENTITY = Pattern.compile("#(\\w+);");
    private static final String QUOTED = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern DOT_NODE = Pattern.compile(" {4}" + QUOTED + " \\[label=" + QUOTED
            + ", (?:shape=box|shape=box, style=rounded|shape=cylinder)];");
    private static final Pattern DOT_EDGE = Pattern.compile(" {4}" + QUOTED + " -> " + QUOTED + " \\[label="
            + QUOTED + "];");
    private static final Pattern DOT_ENTITY = Pattern.compile("&(amp|#\\d+);");

    private Drawings() {
    }

    static Drawn mermaid(String text) {
        List<String> lines = lines(text);
        assertThat(lines.get(0)).isEqualTo("flowchart LR");
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> edges = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            Matcher node = MERMAID_NODE.matcher(line);
            Matcher edge = MERMAID_EDGE.matcher(line);
            if (node.matches()) {
                assertThat(MERMAID_KEYWORDS).doesNotContain(node.group(1).toLowerCase());
                assertThat(node.group(2) + node.group(4)).isIn("[]", "()", "[()]");
                labels.put(node.group(1), mermaidLabel(node.group(3)));
            } else if (edge.matches()) {
                assertThat(labels).containsKeys(edge.group(1), edge.group(3));
                edges.add(edge.group(1) + " " + mermaidLabel(edge.group(2)) + " " + edge.group(3));
            } else {
                assertThat(line).as("a comment, else a node or an edge").matches(" {4}%% as of \\S+");
            }
        }
        return new Drawn(labels, edges);
    }

    /** Nothing but entity codes and the one line break; no character that HTML or Mermaid would read. */
    private static String mermaidLabel(String label) {
        String[] parts = label.split("<br/>", -1);
        assertThat(parts).hasSizeLessThanOrEqualTo(2);
        List<String> decoded = new ArrayList<>();
        for (String part : parts) {
            assertThat(MERMAID_ENTITY.matcher(part).replaceAll("")).doesNotContain("#", "<", ">", "&", "`");
            decoded.add(MERMAID_ENTITY.matcher(part).replaceAll(entity -> Matcher.quoteReplacement(
                    switch (entity.group(1)) {
                        case "quot" -> "\"";
                        case "amp" -> "&";
                        case "lt" -> "<";
                        case "gt" -> ">";
                        default -> Character.toString(Integer.parseInt(entity.group(1)));
                    })));
        }
        return String.join("\n", decoded);
    }

    static Drawn dot(String text) {
        List<String> lines = lines(text);
        assertThat(lines.get(0)).isEqualTo("digraph sharing {");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("}");
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> edges = new ArrayList<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            Matcher node = DOT_NODE.matcher(line);
            Matcher edge = DOT_EDGE.matcher(line);
            if (node.matches()) {
                labels.put(unquote(node.group(1)), dotLabel(node.group(2)));
            } else if (edge.matches()) {
                assertThat(labels).containsKeys(unquote(edge.group(1)), unquote(edge.group(2)));
                edges.add(unquote(edge.group(1)) + " " + dotLabel(edge.group(3)) + " " + unquote(edge.group(2)));
            } else {
                assertThat(line).as("a comment or the direction, else a node or an edge")
                        .matches(" {4}// as of \\S+| {4}rankdir=LR;");
            }
        }
        return new Drawn(labels, edges);
    }

    /** A quoted string of DOT: only the double quote is escaped. */
    private static String unquote(String quoted) {
        return quoted.replace("\\\"", "\"");
    }

    /** A label: escapes Graphviz reads ({@code \\}, {@code \"}, {@code \n}), then its HTML entities. */
    private static String dotLabel(String label) {
        StringBuilder unescaped = new StringBuilder();
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '\\') {
                char next = label.charAt(++i);
                assertThat(next).as("an escape the label means").isIn('\\', '"', 'n');
                unescaped.append(next == 'n' ? '\n' : next);
            } else {
                unescaped.append(c);
            }
        }
        assertThat(DOT_ENTITY.matcher(unescaped).replaceAll("")).doesNotContain("&");
        return DOT_ENTITY.matcher(unescaped).replaceAll(entity -> Matcher.quoteReplacement(
                entity.group(1).equals("amp") ? "&" : Character.toString(Integer.parseInt(entity.group(1).substring(1)))));
    }

    /** Lines ended by a line feed, the last one too, and no other character that ends a line. */
    private static List<String> lines(String text) {
        assertThat(text).endsWith("\n").doesNotContain("\r", "\u000B", "\u000C", "\u0085", "\u2028", "\u2029");
        text.codePoints().forEach(c -> assertThat(Labels.invisible(c) && c != '\n')
                .as("U+%04X written as it is", c).isFalse());
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }
}
