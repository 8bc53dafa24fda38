package io.infrashare.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of the NDJSON export: one per entry, then a trailer, {@code {"trailer":{"count":N,"lastPosition":P,
 * "next":C}}}, so that a client knows it has every line. An export that breaks off (an entry that cannot be read or
 * written) ends with an error line instead, {@code {"error":{...,"next":C}}}, and without the trailer. Either way
 * {@code next} is the cursor to pass as {@code after} to go on: after the last entry written, or where the export
 * started if it wrote none. Each entry is serialized in full before any of it
 * is written, so no line is ever half an entry.
 */
final class AuditLines {

    private final ObjectMapper json;
    private final OutputStream out;
    private long count;
    private Long lastPosition;
    private long resumeAfter;

    /** @param after the position the export starts after */
    AuditLines(ObjectMapper json, OutputStream out, long after) {
        this.json = json;
        this.out = out;
        this.resumeAfter = after;
    }

    /**
     * @throws EntryUnwritable if an entry cannot be serialized; the entries before it are written
     * @throws IOException     if the client is gone
     */
    void write(List<AuditEntry> page) throws IOException {
        for (AuditEntry entry : page) {
            byte[] line;
            try {
                line = json.writeValueAsBytes(entry);
            } catch (JsonProcessingException e) {
                throw new EntryUnwritable(entry.position(), e);
            }
            out.write(line);
            out.write('\n');
            count++;
            lastPosition = entry.position();
            resumeAfter = entry.position();
        }
        out.flush();
    }

    /** The last line of a complete export. */
    void end() throws IOException {
        Map<String, Object> trailer = new LinkedHashMap<>();
        trailer.put("count", count);
        trailer.put("lastPosition", lastPosition);
        trailer.put("next", next());
        line(Map.of("trailer", trailer));
    }

    /** The last line of an export that broke off: no trailer, and a problem saying so. */
    void brokeOff() throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "/problems/internal");
        error.put("title", "Internal error");
        error.put("status", 500);
        error.put("detail", "The export broke off after " + count + " entries; the log has the details.");
        error.put("next", next());
        line(Map.of("error", error));
    }

    private String next() {
        return AuditCursor.after(resumeAfter);
    }

    private void line(Object value) throws IOException {
        out.write(json.writeValueAsBytes(value));
        out.write('\n');
        out.flush();
    }

    /** An entry the export cannot write. */
    static final class EntryUnwritable extends RuntimeException {
        EntryUnwritable(long position, Throwable cause) {
            super("Audit entry at position " + position + " could not be written", cause);
        }
    }
}
