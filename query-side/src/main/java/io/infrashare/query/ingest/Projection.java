package io.infrashare.query.ingest;

/**
 * A read model. It is handed every event once, in its organization's order, inside the transaction that records the
 * event as applied, and picks out the events it is about.
 */
public interface Projection {

    void apply(AppliedEvent applied);
}
