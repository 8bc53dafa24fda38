package io.infrashare.query.ingest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;

import java.io.IOException;

/** {@link ReplayBenchmark} on a real PostgreSQL (the {@code io.zonky.test} binaries, no Docker). */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@ActiveProfiles({"embedded", "postgres"})
class ReplayOnPostgresBenchmark extends ReplayBenchmark {

    @TestConfiguration(proxyBeanMethods = false)
    static class Database {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres postgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean
        DynamicPropertyRegistrar database(EmbeddedPostgres postgres) {
            return registry -> {
                registry.add("DATABASE_URL", () -> "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
                registry.add("DATABASE_USER", () -> "postgres");
            };
        }
    }
}
