package io.infrashare.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Spring test context gets a Kafka broker of its own from {@link TestInfrastructure}, stopped with the context;
 * {@code spring.kafka.bootstrap-servers} points at it, and the context holds it as a {@link KafkaBroker} bean.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithKafka {

    /** Partitions of each topic. */
    int partitions() default 1;

    /** Topics created before the context starts. */
    String[] topics() default {};

    /** Whether the broker creates a topic when a client first uses it; off, it behaves as brokers that create none. */
    boolean autoCreateTopics() default true;
}
