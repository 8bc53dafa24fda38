package io.infrashare.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.infrashare.transparency.CanonicalJson;
import io.infrashare.transparency.Checkpoint;
import io.infrashare.transparency.CompactRange;
import io.infrashare.transparency.MerkleTree;
import io.infrashare.transparency.NoteSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A published record says where it sits in its organization's log; a reader recomputes the entry from the record as
 * it came and finds out whether it fits.
 */
class LogSealTest {

    private static final String ORIGIN = "infrashare.test/log/acme";

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final EventCodec codec = new EventCodec(json);
    private final NoteSigner signer = NoteSigner.generate("infrashare.test/log");

    @Test
    void theEntryIsTheRecordAsACanonicalStructuredCloudEvent() throws Exception {
        InfrashareEvent event = SampleEvents.all().get(0);
        WireRecord record = codec.encode("e-1", event).withHeader(Topic.Headers.LOG_INDEX, "7")
                .withHeader(Topic.Headers.LEAF_HASH, "not part of the entry");

        String entry = LogEntry.of(record).text();

        assertThat(json.readTree(entry).fieldNames()).toIterable().containsExactly("correlationid", "data",
                "datacontenttype", "dataschema", "id", "logindex", "organization", "source", "specversion", "subject",
                "time", "type");
        assertThat(json.readTree(entry).get("logindex").isIntegralNumber()).isTrue();
        assertThat(json.readTree(entry).get("data")).isEqualTo(json.readTree(record.value()));
        assertThat(json.readTree(entry).get("id").asText()).isEqualTo("e-1");
        assertThat(CanonicalJson.canonicalize(entry)).isEqualTo(entry.getBytes(StandardCharsets.UTF_8));
        assertThat(entry).doesNotContain("\n").startsWith("{\"correlationid\":");
    }

    @Test
    void sealedRecordsFitTheLogTheirCheckpointsSign() {
        CompactRange log = CompactRange.empty();
        List<byte[]> leaves = new ArrayList<>();
        for (InfrashareEvent event : SampleEvents.all()) {
            WireRecord sealed = LogSeal.seal(codec.encode(UUID.randomUUID().toString(), event), log, ORIGIN, signer);
            LogSeal seal = LogSeal.of(sealed);
            leaves.add(seal.entry().leafHash());

            assertThat(seal.index()).isEqualTo(leaves.size() - 1);
            assertThat(seal.leafHashFits()).isTrue();
            Checkpoint checkpoint = Checkpoint.open(seal.checkpoint(), ORIGIN, Set.of(signer.verifier()));
            assertThat(checkpoint.size()).isEqualTo(leaves.size());
            assertThat(checkpoint.rootHash()).isEqualTo(MerkleTree.rootHash(leaves));
        }
    }

    @Test
    void anAlteredRecordNoLongerFitsItsLeafHash() {
        WireRecord sealed = LogSeal.seal(codec.encode("e-1", SampleEvents.all().get(0)), CompactRange.empty(), ORIGIN,
                signer);
        String value = new String(sealed.value(), StandardCharsets.UTF_8);

        assertThat(LogSeal.of(sealed.withValue(value.replace("acme", "acmf").getBytes(StandardCharsets.UTF_8)))
                .leafHashFits()).isFalse();
        assertThat(LogSeal.of(sealed.withHeader(Topic.Headers.CORRELATION_ID, "another")).leafHashFits()).isFalse();
        assertThat(LogSeal.of(sealed.withHeader(Topic.Headers.LOG_INDEX, "1")).leafHashFits()).isFalse();
        assertThat(LogSeal.of(sealed.withHeader("ce_forged", "x")).leafHashFits()).isFalse();
        // not an attribute: the entry is the same
        assertThat(LogSeal.of(sealed.withHeader("traceparent-like", "x")).leafHashFits()).isTrue();
    }

    @Test
    void aRecordWithoutASealOrWithAMalformedOneIsUnreadable() {
        WireRecord sealed = LogSeal.seal(codec.encode("e-1", SampleEvents.all().get(0)), CompactRange.empty(), ORIGIN,
                signer);

        assertThatThrownBy(() -> LogSeal.of(sealed.withoutHeader(Topic.Headers.LOG_INDEX)))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("no log index");
        assertThatThrownBy(() -> LogSeal.of(sealed.withHeader(Topic.Headers.LOG_INDEX, "-1")))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("'-1'");
        assertThatThrownBy(() -> LogSeal.of(sealed.withoutHeader(Topic.Headers.CHECKPOINT)))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining(Topic.Headers.CHECKPOINT);
        assertThatThrownBy(() -> LogSeal.of(sealed.withHeader(Topic.Headers.LEAF_HASH, "%%")))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("base64");
        assertThat(Base64.getDecoder().decode(sealed.header(Topic.Headers.LEAF_HASH))).hasSize(32);
    }
}
