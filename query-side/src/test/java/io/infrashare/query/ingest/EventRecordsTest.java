package io.infrashare.query.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EventCodec;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.Topic;
import io.infrashare.events.Upcaster;
import io.infrashare.events.Upcasters;
import io.infrashare.query.AcmeStory;
import io.infrashare.query.LogSealer;
import io.infrashare.query.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.infrashare.query.TopicRecords.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRecordsTest {

    private final LogSealer log = LogSealer.fresh();

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final EventRecords records = new EventRecords(json);

    @Test
    void aRecordAsTheCommandSidePublishesItReadsBackAsItsEvent() {
        var event = AcmeStory.ericSetsTheDefaultVpc(AcmeStory.US_VPC, null, 7);

        IncomingEvent incoming = records.decode(received(TopicRecords.of(log, "e-1", event, json)));

        assertThat(incoming).extracting(IncomingEvent::id, IncomingEvent::event).containsExactly("e-1", event);
    }

    @Test
    void anUnknownTypeIsUnreadable() {
        var record = received(TopicRecords.unreadable("e-2", AcmeStory.opsSharesTheUsVpcWithEcommerce().get(0),
                "ResourceTeleported", "{}", json));

        assertThatThrownBy(() -> records.decode(record))
                .isInstanceOf(UnreadableRecord.class)
                .hasMessageContaining("Unknown event type 'ResourceTeleported'");
    }

    @Test
    void malformedJsonIsUnreadable() {
        var record = received(TopicRecords.unreadable("e-3", AcmeStory.opsSharesTheUsVpcWithEcommerce().get(0),
                "ProjectCreated", "{\"organization\":", json));

        assertThatThrownBy(() -> records.decode(record))
                .isInstanceOf(UnreadableRecord.class)
                .hasMessageContaining("not a valid ProjectCreated");
    }

    @Test
    void aRecordWithoutAnEventIdIsUnreadable() {
        var published = TopicRecords.of(log, "e-4", AcmeStory.opsSharesTheUsVpcWithEcommerce().get(0), json);
        published.headers().remove(Topic.Headers.ID);

        assertThatThrownBy(() -> records.decode(received(published)))
                .isInstanceOf(UnreadableRecord.class)
                .hasMessageContaining("no ce_id header");
    }

    @Test
    void anEventKeyedForAnotherOrganizationIsUnreadable() {
        var event = AcmeStory.opsSharesTheUsVpcWithEcommerce().get(0);
        var published = TopicRecords.of(log, "e-5", event, json);
        var rekeyed = new ProducerRecord<>(Topic.NAME, "globex", published.value());
        published.headers().forEach(rekeyed.headers()::add);

        assertThatThrownBy(() -> records.decode(received(rekeyed)))
                .isInstanceOf(UnreadableRecord.class)
                .hasMessageContaining("came with key 'globex'");
    }

    @Test
    void aRecordWithoutAKeyIsUnreadable() {
        var published = TopicRecords.of(log, "e-6", AcmeStory.opsSharesTheUsVpcWithEcommerce().get(0), json);
        var keyless = new ProducerRecord<String, byte[]>(Topic.NAME, null, published.value());
        published.headers().forEach(keyless.headers()::add);

        assertThatThrownBy(() -> records.decode(received(keyless)))
                .isInstanceOf(UnreadableRecord.class)
                .hasMessageContaining("came with key 'null'");
    }

    @Test
    void aRecordWithoutTheOrganizationHeaderIsUnreadable() {
        var published = TopicRecords.of(log, "e-7", AcmeStory.opsSharesTheUsVpcWithEcommerce().get(0), json);
        published.headers().remove(Topic.Headers.ORGANIZATION);

        assertThatThrownBy(() -> records.decode(received(published)))
                .isInstanceOf(UnreadableRecord.class)
                .hasMessageContaining(Topic.Headers.ORGANIZATION + " 'null'");
    }

    @Test
    void aRecordWhoseOrganizationHeaderNamesAnotherOrganizationIsUnreadable() {
        var published = TopicRecords.of(log, "e-8", AcmeStory.opsSharesTheUsVpcWithEcommerce().get(0), json);
        published.headers().remove(Topic.Headers.ORGANIZATION);
        published.headers().add(Topic.Headers.ORGANIZATION, "globex".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> records.decode(received(published)))
                .isInstanceOf(UnreadableRecord.class)
                .hasMessageContaining("of organization 'acme' came with key 'acme' and " + Topic.Headers.ORGANIZATION
                        + " 'globex'");
    }

    @Test
    void aRecordOfAnOlderRevisionIsUpcastBeforeItIsRead() throws Exception {
        var event = AcmeStory.ericSetsTheDefaultVpc(AcmeStory.US_VPC, null, 7);
        ObjectNode v1 = json.valueToTree(event);
        v1.set("defaultResource", v1.remove("resource"));
        var published = TopicRecords.of(log, "e-6", event, json);
        var old = new ProducerRecord<>(Topic.NAME, published.key(), json.writeValueAsBytes(v1));
        published.headers().forEach(old.headers()::add);
        // a reader of a later revision than the records', which renamed their defaultResource to resource
        int current = EventSchemas.currentRevision("EnvironmentDefaultSet");
        var renamed = Upcaster.of("EnvironmentDefaultSet", current, data -> {
            data.set("resource", data.remove("defaultResource"));
            return data;
        });
        var atNextRevision = new EventRecords(new EventCodec(json, new Upcasters(List.of(renamed)), type -> current + 1));

        assertThat(atNextRevision.decode(received(old))).extracting(IncomingEvent::id, IncomingEvent::event)
                .containsExactly("e-6", event);
        assertThat(((EnvironmentDefaultSet) records.decode(received(old)).event()).resource())
                .as("read without the upcaster, the renamed field is lost").isNull();
    }

    @Test
    void aRecordWithoutASchemaIsReadAsTheFirstRevisionAndOneNamingAnotherTypesSchemaIsUnreadable() {
        var event = AcmeStory.ericSetsTheDefaultVpc(AcmeStory.US_VPC, null, 7);
        var unnamed = TopicRecords.of(log, "e-7", event, json);
        unnamed.headers().remove(Topic.Headers.DATA_SCHEMA);
        var misnamed = TopicRecords.of(log, "e-8", event, json);
        misnamed.headers().remove(Topic.Headers.DATA_SCHEMA);
        misnamed.headers().add(Topic.Headers.DATA_SCHEMA,
                EventSchemas.dataschema("ProjectCreated", 1).toString().getBytes(StandardCharsets.UTF_8));

        assertThat(records.decode(received(unnamed))).extracting(IncomingEvent::id, IncomingEvent::event)
                .containsExactly("e-7", event);
        assertThatThrownBy(() -> records.decode(received(misnamed)))
                .isInstanceOf(UnreadableRecord.class)
                .hasMessageContaining("names the schema 'https://infrashare.io/schemas/ProjectCreated/v1.json'");
    }
}
