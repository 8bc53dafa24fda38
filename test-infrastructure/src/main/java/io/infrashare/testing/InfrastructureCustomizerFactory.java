package io.infrashare.testing;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives the contexts of classes marked {@link WithPostgres} or {@link WithKafka} their database and broker. Its
 * properties come first, before those a test class sets itself: such a class leaves {@code spring.datasource.*} and
 * the bootstrap servers to it.
 */
class InfrastructureCustomizerFactory implements ContextCustomizerFactory {

    static final String BROKER_BEAN = "kafkaBroker";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        MergedAnnotations annotations = MergedAnnotations.from(testClass,
                MergedAnnotations.SearchStrategy.TYPE_HIERARCHY);
        boolean postgres = annotations.isPresent(WithPostgres.class);
        KafkaBroker.Settings kafka = annotations.get(WithKafka.class).synthesize(a -> a.isPresent())
                .map(a -> new KafkaBroker.Settings(a.partitions(), a.autoCreateTopics(), Set.of(a.topics())))
                .orElse(null);
        return postgres || kafka != null ? new Customizer(postgres, kafka) : null;
    }

    /** Equal for equal needs, so that Spring caches and shares the context as it would without it. */
    private record Customizer(boolean postgres, KafkaBroker.Settings kafka) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            Map<String, Object> properties = new HashMap<>();
            if (postgres) {
                Database database = TestInfrastructure.newDatabase();
                properties.put("spring.datasource.url", database.url());
                properties.put("spring.datasource.username", database.user());
                properties.put("spring.datasource.password", database.password());
            }
            if (kafka != null) {
                KafkaBroker broker = TestInfrastructure.startKafka(kafka.partitions(), kafka.autoCreateTopics(),
                        kafka.topics());
                var beans = context.getBeanFactory();
                beans.registerSingleton(BROKER_BEAN, broker);
                // stopped when the context closes, after the beans that use it
                ((DefaultSingletonBeanRegistry) beans).registerDisposableBean(BROKER_BEAN, broker::close);
                properties.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
            }
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("infrashareTestInfrastructure", properties));
        }
    }
}
