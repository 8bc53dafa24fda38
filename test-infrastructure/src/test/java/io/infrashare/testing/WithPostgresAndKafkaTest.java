package io.infrashare.testing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A Spring test context marked for a database and a broker is pointed at both, and holds the broker. */
@SpringJUnitConfig(WithPostgresAndKafkaTest.Nothing.class)
@WithPostgres
@WithKafka(partitions = 2, topics = "notes", autoCreateTopics = false)
class WithPostgresAndKafkaTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Autowired
    Environment environment;
    @Autowired
    KafkaBroker broker;

    @Test
    void theDatasourcePropertiesNameAnEmptyDatabaseOfItsOwn() throws SQLException {
        var dataSource = new Database(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password")).dataSource();

        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            assertThat(connection.getCatalog()).startsWith("test_");
            assertThat(tables.next()).as("a table in a new database").isFalse();
        }
    }

    @Test
    void theBootstrapServersAreThoseOfTheContextsBroker() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(broker.bootstrapServers());
    }
}
