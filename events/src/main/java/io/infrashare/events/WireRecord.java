package io.infrashare.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A record of the topic as it travels, without any Kafka client's types: the key, the headers in their order (each
 * name once, its value as text; on the wire a header's bytes are the UTF-8 of the text) and the value. A Kafka
 * adapter on each side turns it into its client's record and back; {@link EventCodec} says what it holds.
 *
 * @param key     the record key, {@code null} for none
 * @param headers header names and values, in the order they are written
 * @param value   the record value, {@code null} for none
 */
public record WireRecord(String key, Map<String, String> headers, byte[] value) {

    public WireRecord {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    }

    /**
     * The record a client read, whose headers are names and bytes (such as Kafka's {@code Header}s): each value is
     * read as UTF-8; of a name given more than once the last counts, and a header without a value is none.
     */
    public static <H> WireRecord read(String key, Iterable<H> headers, Function<H, String> name,
                                      Function<H, byte[]> bytes, byte[] value) {
        Map<String, String> read = new LinkedHashMap<>();
        for (H header : headers) {
            read.remove(name.apply(header));
            byte[] text = bytes.apply(header);
            if (text != null) {
                read.put(name.apply(header), new String(text, StandardCharsets.UTF_8));
            }
        }
        return new WireRecord(key, read, value);
    }

    /** Each header, in order, as its name and the UTF-8 of its value: what a Kafka record's headers take. */
    public void forEachHeader(BiConsumer<String, byte[]> header) {
        headers.forEach((name, text) -> header.accept(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The header's value, or {@code null} if the record has no such header. */
    public String header(String name) {
        return headers.get(name);
    }

    /** This record with the header set to {@code value}: in its place if the record has it, else last. */
    public WireRecord withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, Objects.requireNonNull(value, "value"));
        return new WireRecord(key, changed, this.value);
    }

    public WireRecord withoutHeader(String name) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.remove(name);
        return new WireRecord(key, changed, value);
    }

    public WireRecord withKey(String key) {
        return new WireRecord(key, headers, value);
    }

    public WireRecord withValue(byte[] value) {
        return new WireRecord(key, headers, value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WireRecord record && Objects.equals(key, record.key)
                && headers.equals(record.headers) && Arrays.equals(value, record.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, headers, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "WireRecord[key=" + key + ", headers=" + headers + ", value="
                + (value == null ? "null" : value.length + " bytes") + "]";
    }
}
