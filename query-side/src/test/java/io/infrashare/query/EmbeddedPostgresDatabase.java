package io.infrashare.query;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import java.io.IOException;

/**
 * A real PostgreSQL server for the {@code postgres} profile, started from its Maven artifact; the profile's own
 * settings ({@code DATABASE_URL}, {@code DATABASE_USER}) point at it. Each test class extends it in a nested
 * {@code @TestConfiguration} of its own, so that each gets its own context and database and their histories do not
 * meet.
 */
public abstract class EmbeddedPostgresDatabase {

    /** A bean, so that it starts before the datasource and stops after it. */
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
