package io.infrashare.query.log;

import io.infrashare.events.OrganizationId;

import java.time.Instant;
import java.util.Base64;

/**
 * A checkpoint of an organization's log whose note a trusted key signed, as this side keeps it.
 *
 * @param keyId the hex id of the trusted key that signed it
 * @param time  when the command side says it issued it; not signed
 * @param note  the whole signed note, as published
 */
record SignedCheckpoint(OrganizationId organization, long size, byte[] rootHash, String keyId, Instant time,
                        String note) {

    CheckpointView view() {
        return new CheckpointView(size, Base64.getEncoder().encodeToString(rootHash), time, keyId, note);
    }
}
