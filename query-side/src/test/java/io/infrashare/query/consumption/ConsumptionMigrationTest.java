package io.infrashare.query.consumption;

import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.query.consumption.ConsumptionReadModel.Consumed;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.resource.Via;
import io.infrashare.testing.Database;
import io.infrashare.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.AWS_VPC;
import static io.infrashare.query.AcmeStory.ECOMM;
import static io.infrashare.query.AcmeStory.ECOMM_STAGING;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.second;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database projected before V10 keeps its answers: the defaults and remote references, live and as of earlier
 * positions, move into the one consumption table and its history, and the read model goes on from them.
 */
class ConsumptionMigrationTest {

    private DataSource database;
    private JdbcClient jdbc;
    private String role;

    @BeforeEach
    void databaseAtV9() {
        Database server = TestInfrastructure.newDatabase();
        database = server.dataSource();
        jdbc = JdbcClient.create(database);
        role = server.user();
        flyway().target("9").load().migrate();
    }

    @Test
    void defaultsAndRemoteReferencesWithTheirHistoryMoveIntoTheConsumptionTables() {
        // what the two read models of V9 held after the US VPC was ecomm staging's default (position 9), the EU VPC
        // replaced it (10) and the VPC package was referenced (11)
        insert("environment_default", "type", AWS_VPC.value(), EU_VPC.toString(), 10);
        insert("remote_reference", "package_name", VPC.value(), EU_VPC.toString(), 11);
        insertHistory("environment_default_history", "type", AWS_VPC.value(), US_VPC.toString(), 9, 10L);
        insertHistory("environment_default_history", "type", AWS_VPC.value(), EU_VPC.toString(), 10, null);
        insertHistory("remote_reference_history", "package_name", VPC.value(), EU_VPC.toString(), 11, null);

        flyway().load().migrate();

        ConsumptionReadModel consumption = new ConsumptionReadModel(jdbc);
        Consumed usVpcDefault = new Consumed(Via.DEFAULT, AWS_VPC.value(), US_VPC, second(9), "eric");
        Consumed euVpcDefault = new Consumed(Via.DEFAULT, AWS_VPC.value(), EU_VPC, second(10), "eric");
        Consumed vpcReference = new Consumed(Via.REMOTE_REFERENCE, VPC.value(), EU_VPC, second(11), "eric");
        assertThat(consumption.of(ACME, ECOMM_STAGING)).containsExactly(euVpcDefault, vpcReference);
        assertThat(consumption.at(ACME, ECOMM_STAGING, 8)).isEmpty();
        assertThat(consumption.at(ACME, ECOMM_STAGING, 9)).containsExactly(usVpcDefault);
        assertThat(consumption.at(ACME, ECOMM_STAGING, 10)).containsExactly(euVpcDefault);
        assertThat(consumption.at(ACME, ECOMM_STAGING, 11)).containsExactly(euVpcDefault, vpcReference);
        assertThat(jdbc.sql("""
                        select count(*) from information_schema.tables
                        where table_name in ('environment_default', 'environment_default_history',
                                             'remote_reference', 'remote_reference_history')""")
                .query(Long.class).single()).isZero();

        consumption.apply(new AppliedEvent("clears-the-vpc-default", 12,
                new EnvironmentDefaultCleared(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, EU_VPC, by("eric", 12))));

        assertThat(consumption.of(ACME, ECOMM_STAGING)).containsExactly(vpcReference);
        assertThat(consumption.at(ACME, ECOMM_STAGING, 11)).containsExactly(euVpcDefault, vpcReference);
        assertThat(consumption.at(ACME, ECOMM_STAGING, 12)).containsExactly(vpcReference);
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(database).placeholders(Map.of("runtime_role", role));
    }

    private void insert(String table, String slotColumn, String slot, String resource, int atSecond) {
        jdbc.sql("insert into " + table + " (organization, environment, " + slotColumn + ", resource, since, set_by)"
                        + " values ('acme', :environment, :slot, :resource, :since, 'eric')")
                .param("environment", ECOMM_STAGING.value())
                .param("slot", slot)
                .param("resource", resource)
                .param("since", at(atSecond))
                .update();
    }

    /** Each event at the second of its position, as the story's events are. */
    private void insertHistory(String table, String slotColumn, String slot, String resource, int from, Long to) {
        jdbc.sql("insert into " + table + " (organization, environment, " + slotColumn + ", resource, since, set_by,"
                        + " valid_from, valid_from_position, valid_to, valid_to_position)"
                        + " values ('acme', :environment, :slot, :resource, :since, 'eric', :since, :from, :to, :toPosition)")
                .param("environment", ECOMM_STAGING.value())
                .param("slot", slot)
                .param("resource", resource)
                .param("since", at(from))
                .param("from", from)
                .param("to", to == null ? null : at(to.intValue()))
                .param("toPosition", to)
                .update();
    }

    private static OffsetDateTime at(int second) {
        return OffsetDateTime.ofInstant(second(second), ZoneOffset.UTC);
    }
}
