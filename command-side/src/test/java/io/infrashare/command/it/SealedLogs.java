package io.infrashare.command.it;

import io.infrashare.events.LogSeal;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.WireRecord;
import io.infrashare.testing.TestLogKey;
import io.infrashare.transparency.Checkpoint;
import io.infrashare.transparency.MerkleTree;
import io.infrashare.transparency.NoteVerifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizations' logs as a reader of the events topic checks them, with nothing but the records and the test
 * key's verifier key: each organization's records are its log's entries 0, 1, 2... in the topic's order, each
 * record's leaf hash is its entry's, and each carries the checkpoint of its log up to it, signed by the key and over
 * the root of every leaf so far.
 */
final class SealedLogs {

    static final String ORIGIN_PREFIX = "infrashare.localhost/log";
    static final List<NoteVerifier> TRUSTED = List.of(NoteVerifier.parse(TestLogKey.VERIFIER_KEY));

    private SealedLogs() {
    }

    static WireRecord wire(ConsumerRecord<String, byte[]> record) {
        return WireRecord.read(record.key(), record.headers(), Header::key, Header::value, record.value());
    }

    static String origin(String organization) {
        return LogSeal.origin(ORIGIN_PREFIX, OrganizationId.of(organization));
    }

    /** Checks the records of the events topic, in order; returns each organization's leaf hashes. */
    static Map<String, List<byte[]>> check(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<byte[]>> leaves = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> consumed : records) {
            WireRecord record = wire(consumed);
            List<byte[]> log = leaves.computeIfAbsent(record.key(), organization -> new ArrayList<>());
            LogSeal seal = LogSeal.of(record);
            assertThat(seal.index()).as("index of %s's record %s", record.key(), record.header("ce_id"))
                    .isEqualTo(log.size());
            assertThat(seal.leafHashFits()).as("leaf hash of %s", record.header("ce_id")).isTrue();
            log.add(seal.entry().leafHash());
            Checkpoint checkpoint = Checkpoint.open(seal.checkpoint(), origin(record.key()), TRUSTED);
            assertThat(checkpoint.size()).isEqualTo(log.size());
            assertThat(checkpoint.rootHash()).isEqualTo(MerkleTree.rootHash(log));
        }
        return leaves;
    }
}
