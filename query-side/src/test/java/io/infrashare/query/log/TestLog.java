package io.infrashare.query.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EventCodec;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.LogEntry;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.Topic;
import io.infrashare.transparency.Checkpoint;
import io.infrashare.transparency.CompactRange;
import io.infrashare.transparency.MerkleTree;
import io.infrashare.transparency.NoteSigner;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An organization's log as the command side builds it, for the tests: each event's entry as the contract computes it
 * from its record, stored as the ingestion stores it, and checkpoints of it signed as the command side publishes them.
 */
final class TestLog {

    /** The command side's key in the tests' configuration. */
    static final NoteSigner SIGNER = NoteSigner.fromSeed("infrashare.test", seed(1));
    /** A key the command side signed with before: still trusted where it is configured. */
    static final NoteSigner RETIRED = NoteSigner.fromSeed("infrashare.test", seed(2));
    /** A key nobody configured. */
    static final NoteSigner UNKNOWN = NoteSigner.fromSeed("infrashare.test", seed(3));
    static final String ORIGIN_PREFIX = "infrashare.localhost/log";

    private final OrganizationId organization;
    private final List<String> eventIds = new ArrayList<>();
    private final List<byte[]> entries = new ArrayList<>();

    TestLog(OrganizationId organization, List<InfrashareEvent> events, ObjectMapper json) {
        this.organization = organization;
        EventCodec codec = new EventCodec(json);
        for (InfrashareEvent event : events) {
            String id = UUID.randomUUID().toString();
            eventIds.add(id);
            entries.add(LogEntry.of(codec.encode(id, event).withHeader(Topic.Headers.LOG_INDEX,
                    Integer.toString(entries.size()))).bytes());
        }
    }

    OrganizationId organization() {
        return organization;
    }

    int size() {
        return entries.size();
    }

    String eventId(int index) {
        return eventIds.get(index);
    }

    byte[] entry(int index) {
        return entries.get(index).clone();
    }

    List<byte[]> leafHashes() {
        return entries.stream().map(MerkleTree::leafHash).toList();
    }

    byte[] root(int size) {
        return MerkleTree.rootHash(leafHashes().subList(0, size));
    }

    /** Stores every entry and the tree as the ingestion does; {@code altered} entries' bytes are stored changed. */
    void store(JdbcClient jdbc, int... altered) {
        CompactRange tree = CompactRange.empty();
        for (int index = 0; index < entries.size(); index++) {
            byte[] entry = entries.get(index);
            if (Arrays.stream(altered).anyMatch(Integer.valueOf(index)::equals)) {
                entry = new String(entry, StandardCharsets.UTF_8).replace("\"data\":{", "\"data\":{\"altered\":true,")
                        .getBytes(StandardCharsets.UTF_8);
            }
            byte[] leaf = MerkleTree.leafHash(entry);
            tree.append(leaf);
            jdbc.sql("insert into log_entry (organization, log_index, event_id, entry, leaf_hash)"
                            + " values (:organization, :index, :eventId, :entry, :leaf)")
                    .param("organization", organization.value()).param("index", index)
                    .param("eventId", eventIds.get(index)).param("entry", entry).param("leaf", leaf)
                    .update();
        }
        jdbc.sql("insert into log_tree (organization, size, subtrees, root_hash) values (:organization, :size,"
                        + " :subtrees, :root)")
                .param("organization", organization.value()).param("size", tree.size())
                .param("subtrees", tree.subtreeHashes()).param("root", tree.rootHash())
                .update();
    }

    /** The signed note of the log's checkpoint at {@code size}. */
    String note(int size, NoteSigner signer) {
        return new Checkpoint(ORIGIN_PREFIX + "/" + organization.value(), size, root(size)).sign(signer).message();
    }

    /** The value of the checkpoint topic's record of this note, as the command side publishes it. */
    static Map<String, Object> record(String organization, String note, Instant time) {
        Checkpoint checkpoint = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));
        String keyId = note.substring(note.lastIndexOf(' ') + 1);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("organization", organization);
        record.put("size", checkpoint.size());
        record.put("rootHash", Base64.getEncoder().encodeToString(checkpoint.rootHash()));
        record.put("time", time.toString());
        record.put("keyId", HexFormat.of().formatHex(Base64.getDecoder().decode(keyId.strip()), 0, 4));
        record.put("note", note);
        return record;
    }

    private static byte[] seed(int value) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) value);
        return seed;
    }
}
