package io.infrashare.testing;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A single-node KRaft broker in the test's own JVM (spring-kafka-test). */
final class InProcessKafka implements KafkaBroker {

    private final EmbeddedKafkaKraftBroker broker;

    private InProcessKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static InProcessKafka start(Settings settings) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, settings.partitions(),
                settings.topics().toArray(String[]::new));
        // its own property name, so that no other broker's address is mistaken for this one's
        broker.brokerListProperty("infrashare.test.kafka." + System.identityHashCode(broker));
        broker.brokerProperty("auto.create.topics.enable", Boolean.toString(settings.autoCreateTopics()));
        broker.brokerProperty("num.partitions", Integer.toString(settings.partitions()));
        broker.afterPropertiesSet();
        return new InProcessKafka(broker);
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
