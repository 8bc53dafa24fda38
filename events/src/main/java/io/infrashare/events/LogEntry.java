package io.infrashare.events;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrashare.transparency.CanonicalJson;
import io.infrashare.transparency.MerkleTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * An event as its organization's log holds it: the record as a CloudEvent in JSON structured form, canonicalized by
 * RFC 8785, whose bytes are what the leaf hash covers and what the log export gives line by line. Each {@code ce_}
 * header is the attribute of that name ({@code logindex} an integer, every other attribute text, as the binary mode
 * carries it), {@code content-type} is {@code datacontenttype}, and the value is {@code data}. Built from the record as
 * it travels, not from the event read out of it, so that the publisher and every reader compute the same bytes
 * whatever revision they upcast to.
 *
 * @param bytes the canonical JSON, UTF-8
 */
public record LogEntry(byte[] bytes) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATTRIBUTE_PREFIX = "ce_";
    private static final String LOG_INDEX = Topic.Headers.LOG_INDEX.substring(ATTRIBUTE_PREFIX.length());

    public LogEntry {
        bytes = bytes.clone();
    }

    /**
     * The entry of a record.
     *
     * @throws UnreadableEventException if the value is not JSON or the log index is not an integer
     */
    public static LogEntry of(WireRecord record) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> header : record.headers().entrySet()) {
            String name = header.getKey();
            if (name.equals(Topic.Headers.CONTENT_TYPE)) {
                event.put("datacontenttype", header.getValue());
            } else if (name.equals(Topic.Headers.LOG_INDEX)) {
                event.put(LOG_INDEX, logIndex(record));
            } else if (name.startsWith(ATTRIBUTE_PREFIX)) {
                event.put(name.substring(ATTRIBUTE_PREFIX.length()), header.getValue());
            }
        }
        if (record.value() != null) {
            try {
                event.set("data", JSON.readTree(record.value()));
            } catch (JacksonException e) {
                throw new UnreadableEventException("Event " + record.header(Topic.Headers.ID)
                        + " has a value that is not JSON: " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new LogEntry(CanonicalJson.canonicalize(event));
    }

    /**
     * The record's {@link Topic.Headers#LOG_INDEX}.
     *
     * @throws UnreadableEventException if it has none, or one that is not a non-negative decimal integer
     */
    public static long logIndex(WireRecord record) {
        String index = record.header(Topic.Headers.LOG_INDEX);
        if (index == null || !index.matches("0|[1-9][0-9]{0,17}")) {
            throw new UnreadableEventException("Event " + record.header(Topic.Headers.ID) + " has "
                    + (index == null ? "no log index" : "the log index '" + index + "', not a decimal integer"));
        }
        return Long.parseLong(index);
    }

    /** {@code SHA-256(0x00 || entry)}. */
    public byte[] leafHash() {
        return MerkleTree.leafHash(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogEntry entry && Arrays.equals(bytes, entry.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text();
    }
}
