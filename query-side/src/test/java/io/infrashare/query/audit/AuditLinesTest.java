package io.infrashare.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.infrashare.events.ProjectId;
import io.infrashare.query.audit.AuditEntry.Subject;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The export's lines: entries whole or not at all, and a trailer only after every entry. */
class AuditLinesTest {

    private static final ProjectId BROKEN = ProjectId.of("broken");

    /** Fails on the subject naming project {@code broken} after writing part of it, as a serializer failing mid-way. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .modulesToInstall(new SimpleModule().addSerializer(Subject.class, new JsonSerializer<>() {
                @Override
                public void serialize(Subject subject, JsonGenerator out, SerializerProvider provider)
                        throws IOException {
                    out.writeStartObject();
                    out.writeStringField("project", subject.project().value());
                    if (subject.project().equals(BROKEN)) {
                        throw JsonMappingException.from(out, "cannot write this subject");
                    }
                    out.writeEndObject();
                }
            }))
            .build();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AuditLines lines = new AuditLines(json, out, 0);

    @Test
    void aCompleteExportEndsWithTheTrailer() throws Exception {
        lines.write(List.of(entry(1, "si"), entry(2, "si")));
        lines.write(List.of(entry(5, "ecomm")));
        lines.end();

        List<JsonNode> written = written();
        assertThat(written).hasSize(4);
        assertThat(written.get(2).get("position").asInt()).isEqualTo(5);
        assertThat(written.get(3).get("trailer").get("count").asInt()).isEqualTo(3);
        assertThat(written.get(3).get("trailer").get("lastPosition").asInt()).isEqualTo(5);
        assertThat(AuditCursor.position(written.get(3).get("trailer").get("next").asText())).contains(5L);
    }

    @Test
    void anEntryThatCannotBeWrittenLeavesNoHalfLineAndTheExportEndsWithAnErrorLine() throws Exception {
        assertThatThrownBy(() -> lines.write(List.of(entry(1, "si"), entry(2, "broken"), entry(3, "si"))))
                .isInstanceOf(AuditLines.EntryUnwritable.class);
        lines.brokeOff();

        List<JsonNode> written = written();
        assertThat(written).hasSize(2);
        assertThat(written.get(0).get("position").asInt()).isEqualTo(1);
        JsonNode error = written.get(1).get("error");
        assertThat(error.get("type").asText()).isEqualTo("/problems/internal");
        assertThat(AuditCursor.position(error.get("next").asText())).contains(1L);
        assertThat(written).noneMatch(line -> line.has("trailer"));
    }

    /** Every line is a JSON value of its own: parsing one fails if a line holds part of an entry. */
    private List<JsonNode> written() throws IOException {
        String body = out.toString(StandardCharsets.UTF_8);
        assertThat(body).endsWith("\n");
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : body.split("\n")) {
            parsed.add(json.readTree(line));
        }
        return parsed;
    }

    private static AuditEntry entry(long position, String project) {
        return new AuditEntry(position, "event-" + position, "ProjectCreated", Instant.parse("2026-11-23T10:15:30Z"),
                "olivia", "olivia", null, "c-" + position, null, new Subject(ProjectId.of(project), null, null), null,
                "{\"project\":\"" + project + "\"}");
    }
}
