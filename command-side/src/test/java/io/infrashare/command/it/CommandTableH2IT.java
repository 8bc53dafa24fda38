package io.infrashare.command.it;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The same annotations as {@link H2CommandSideIT}, so that both share one application context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:command-it;DB_CLOSE_DELAY=-1",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "axon.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(kraft = true, partitions = 1)
class CommandTableH2IT extends CommandTableContract {
}
