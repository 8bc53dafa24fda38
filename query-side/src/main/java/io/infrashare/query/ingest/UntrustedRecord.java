package io.infrashare.query.ingest;

/**
 * A record that does not fit its organization's log: forged, altered, replayed out of order, missing a predecessor,
 * or carrying no seal or no trusted signature. It is refused as an unreadable record is, never applied, never
 * recorded as not applied: dead-lettered at once, counted and shown in health.
 */
class UntrustedRecord extends UnreadableRecord {

    UntrustedRecord(String message) {
        super(message);
    }
}
