package io.infrashare.command.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code postgres} profile against a real PostgreSQL server, started from its Maven artifact. The server is this
 * class's own, so no other class can reuse the context: it is closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "axon.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(kraft = true, partitions = 1)
@ActiveProfiles({"postgres", "embedded"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CommandTablePostgresIT extends CommandTableContract {

    private static final EmbeddedPostgres POSTGRES = EmbeddedPostgresDatabase.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(POSTGRES, registry);
    }
}
