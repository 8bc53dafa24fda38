package io.infrashare.command.log;

import io.infrashare.events.LogSeal;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.WireRecord;
import io.infrashare.transparency.CompactRange;
import io.infrashare.transparency.NoteSigner;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals each record the publisher sends as the next entry of its organization's log ({@link LogSeal}). The publishing
 * processor is the one writer: it handles the stored events one after the other, so the logs' order is the store's
 * and the topic's. Within a batch (the processor's unit of work) each organization's tree is read and locked once,
 * the records are appended to it in memory, and the trees that grew are written when the batch prepares to commit:
 * in the transaction that stores the processor's token, after Kafka acknowledged the batch's records. A batch that
 * fails rolls back its token and its trees together, so the batch sent again gets the same indexes, leaf hashes and
 * checkpoints (Ed25519 signatures are deterministic): its records that Kafka had taken are duplicates byte for byte,
 * with the same {@code ce_id}, which readers drop.
 */
public class LogSeals {

    private static final String TREES = LogSeals.class.getName() + ".trees";

    private final LogTrees trees;
    private final NoteSigner signer;
    private final String originPrefix;

    LogSeals(LogTrees trees, NoteSigner signer, String originPrefix) {
        this.trees = trees;
        this.signer = signer;
        this.originPrefix = originPrefix;
    }

    /**
     * The record as the next entry of its organization's log, the record's key.
     *
     * @throws IllegalStateException outside a unit of work
     */
    public WireRecord seal(WireRecord record) {
        String organization = record.key();
        CompactRange tree = batchTrees().computeIfAbsent(organization, trees::lock);
        return LogSeal.seal(record, tree, LogSeal.origin(originPrefix, OrganizationId.of(organization)), signer);
    }

    /** The trees the batch appended to, written when it is about to commit. */
    private Map<String, CompactRange> batchTrees() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(TREES, key -> {
            Map<String, CompactRange> appended = new LinkedHashMap<>();
            batch.onPrepareCommit(committing -> trees.save(appended));
            return appended;
        });
    }
}
