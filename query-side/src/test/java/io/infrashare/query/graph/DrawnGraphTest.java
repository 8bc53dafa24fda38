package io.infrashare.query.graph;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Names as hostile as callers could make them, drawn in Mermaid and DOT and read back unharmed. */
class DrawnGraphTest {

    /** Quotes, brackets, escapes and entities of both formats, HTML, keywords, line breaks, bidi and other scripts. */
    static final List<String> HOSTILE = List.of(
            "Say \"hi\"]; end",
            "end",
            "<script>alert(1)</script> & #quot; &amp; #35; %% x --> y",
            "back\\slash \\N \\n \\\" tail\\",
            "line\nbreak\r\ttab\u2028sep\u0085nel\u0000nul",
            "\u202Eevil bidi\u200D zwj\uFEFF",
            "emoji \uD83D\uDE00 \u00B7 \u00FCn\u00EFc\u00F6d\u00E9 \u6771\u4EAC \u05E9\u05DC\u05D5\u05DD",
            "`markdown` **bold** {braces} (parens) [(cylinder)] |pipe| ;semi",
            "lone \uD800 surrogate",
            "");

    @Test
    void mermaidKeepsEveryNameInsideItsLabel() {
        GraphView graph = hostileGraph();

        Drawings.Drawn drawn = Drawings.mermaid(MermaidText.of(graph));

        assertThat(drawn.labels()).hasSize(graph.nodes().size());
        graph.nodes().forEach(node -> assertThat(drawn.labels().get(MermaidText.id(node.id())))
                .isEqualTo(node.label() + "\n" + Labels.detail(node)));
        assertThat(drawn.edges()).hasSize(graph.edges().size());
    }

    @Test
    void dotKeepsEveryNameInsideItsLabel() {
        GraphView graph = hostileGraph();

        Drawings.Drawn drawn = Drawings.dot(DotText.of(graph));

        assertThat(drawn.labels()).hasSize(graph.nodes().size());
        graph.nodes().forEach(node -> assertThat(drawn.labels().get(node.id()))
                .isEqualTo(node.label() + "\n" + Labels.detail(node)));
        assertThat(drawn.edges()).contains("environment:e0-env remote-reference vpc resource:r0");
    }

    @Test
    void mermaidIdsAreLettersDigitsAndUnderscoresWhateverTheIdHolds() {
        assertThat(MermaidText.id("environment:ecomm-pr42")).isEqualTo("environment_ecomm_pr42");
        assertThat(MermaidText.id("project:\u00E9t\u00E9 end")).isEqualTo("project__t__end");
    }

    /** A project, an environment and a resource for each hostile name, and edges of every kind between them. */
    private static GraphView hostileGraph() {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            String name = HOSTILE.get(i);
            GraphNode project = GraphNode.project("p" + i, name);
            GraphNode environment = GraphNode.environment("e" + i + "-env", name, "p" + i);
            GraphNode resource = GraphNode.resource("r" + i, name, "p" + i, "aws-vpc");
            nodes.addAll(List.of(project, environment, resource));
            edges.addAll(List.of(new GraphEdge(project.id(), environment.id(), EdgeKind.OWNS),
                    new GraphEdge(resource.id(), environment.id(), EdgeKind.PROVISIONED_IN),
                    new GraphEdge(resource.id(), project.id(), EdgeKind.SHARED_WITH),
                    new GraphEdge(environment.id(), resource.id(), EdgeKind.DEFAULT),
                    new GraphEdge(environment.id(), resource.id(), EdgeKind.REMOTE_REFERENCE, "vpc"),
                    new GraphEdge(environment.id(), environment.id(), EdgeKind.FORKED_FROM)));
        }
        return new GraphView(Instant.parse("2026-11-23T10:15:30.123456Z"), SharingGraph.of(nodes, edges));
    }
}
