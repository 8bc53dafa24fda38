package io.infrashare.events;

/**
 * Where the events are published and how a record is laid out: one topic, the organization as key (so one
 * organization's history is totally ordered), CloudEvents 1.0 in binary content mode (attributes in {@code ce_}
 * headers, the event JSON as the value).
 */
public final class Topic {

    /** The default topic name; deployments may override it with {@code INFRASHARE_TOPIC}. */
    public static final String NAME = "infrashare.events";

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** The CloudEvents {@code source} of every record. */
    public static final String SOURCE = "/infrashare/command-side";

    /** Header names: the CloudEvents Kafka protocol binding's, plus this contract's extensions. */
    public static final class Headers {
        public static final String ID = "ce_id";
        public static final String SOURCE = "ce_source";
        public static final String TYPE = "ce_type";
        public static final String TIME = "ce_time";
        public static final String SUBJECT = "ce_subject";
        /** The JSON Schema the value conforms to: its type and revision, see {@link EventSchemas}. */
        public static final String DATA_SCHEMA = "ce_dataschema";
        public static final String SPEC_VERSION = "ce_specversion";
        public static final String CONTENT_TYPE = "content-type";
        /** Extension: the organization, also the record key. */
        public static final String ORGANIZATION = "ce_organization";
        /** Extension: the correlation id of the request that caused the event. */
        public static final String CORRELATION_ID = "ce_correlationid";
        /**
         * Extension: the event's index in its organization's log, an integer; part of the logged entry, so an export
         * says of each entry where it sits. See {@link LogSeal}.
         */
        public static final String LOG_INDEX = "ce_logindex";
        /** The log entry's RFC 9162 leaf hash, standard base64: not an attribute, so not part of the entry. */
        public static final String LEAF_HASH = "infrashare_leafhash";
        /** The signed checkpoint (a C2SP signed note) of the organization's log up to and including this record. */
        public static final String CHECKPOINT = "infrashare_checkpoint";

        private Headers() {
        }
    }

    private Topic() {
    }
}
