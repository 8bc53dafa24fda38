package io.infrashare.query.ingest;

import org.springframework.boot.test.context.SpringBootTest;
import io.infrashare.query.EmbeddedPostgresDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.context.ActiveProfiles;


/** {@link ReplayBenchmark} on a real PostgreSQL (the {@code io.zonky.test} binaries, no Docker). */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@ActiveProfiles({"embedded", "postgres"})
class ReplayOnPostgresBenchmark extends ReplayBenchmark {

    @TestConfiguration(proxyBeanMethods = false)
    static class Database extends EmbeddedPostgresDatabase {
    }
}
