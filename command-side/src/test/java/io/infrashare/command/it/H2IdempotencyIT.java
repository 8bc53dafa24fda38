package io.infrashare.command.it;

import io.infrashare.command.CommandApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

import java.net.http.HttpRequest;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Its own context and database, closed after the class, rather than the context {@link H2CommandSideIT} caches: a
 * broker started by a test class in between (PublicationRecoveryIT) overwrites the system property
 * {@code spring.embedded.kafka.brokers}, and the next class on a cached context would read a broker long gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:idempotency-it;DB_CLOSE_DELAY=-1",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "axon.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(kraft = true, partitions = 1)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class H2IdempotencyIT extends IdempotencyContract {

    @TempDir
    Path data;

    private ConfigurableApplicationContext commandSide() {
        String brokers = kafka.getBrokersAsString();
        return new SpringApplicationBuilder(CommandApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("events").toAbsolutePath(),
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--axon.kafka.bootstrap-servers=" + brokers,
                "--axon.kafka.publisher.enabled=false");
    }

    private Reply createProject(ConfigurableApplicationContext context, String key) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return send(port, "dev-ops", "POST", "/projects", key,
                HttpRequest.BodyPublishers.ofString(newProject(project, "Shared Infra")));
    }

    @Test
    void anAnswerIsRepeatedAfterARestart() {
        String key = newKey();
        Reply first;
        try (var commandSide = commandSide()) {
            first = createProject(commandSide, key);
        }

        Reply repeated;
        try (var restarted = commandSide()) {
            repeated = createProject(restarted, key);
        }

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.replayed()).isTrue();
        assertThat(repeated.body()).isEqualTo(first.body());
    }
}
