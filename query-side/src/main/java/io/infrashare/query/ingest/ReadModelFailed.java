package io.infrashare.query.ingest;

/** A read model's failure to apply an event, naming the read model so that the event's audit entry can. */
class ReadModelFailed extends RuntimeException {

    private final String readModel;

    ReadModelFailed(String readModel, RuntimeException cause) {
        super("Read model " + readModel + " could not apply the event", cause);
        this.readModel = readModel;
    }

    String readModel() {
        return readModel;
    }
}
