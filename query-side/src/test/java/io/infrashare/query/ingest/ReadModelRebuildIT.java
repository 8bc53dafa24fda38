package io.infrashare.query.ingest;

import io.infrashare.events.InfrashareEvent;
import io.infrashare.testing.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** The rebuild finds and empties the read models (Kafka's part is in OperationsOverKafkaIT). */
@SpringBootTest(properties = {
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
class ReadModelRebuildIT {

    @Autowired
    Projector projector;
    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    Positions positions;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Flyway flyway;

    /** The context, and so the database, is shared with the other tests of the same configuration. */
    @BeforeEach
    void emptyReadModels() {
        flyway.clean();
        flyway.migrate();
    }

    @Test
    void everyReadModelIsEmptiedAndFlywaysHistoryKept() {
        List<InfrashareEvent> story = everyKindOfEvent();
        for (int i = 0; i < story.size(); i++) {
            projector.apply(new IncomingEvent("pg-rebuild-" + i, story.get(i)));
        }
        assertThat(rebuild.tables()).contains("applied_event", "organization_position", "project", "resource",
                "audit_entry").doesNotContain("flyway_schema_history");

        List<String> emptied = rebuild.emptyReadModels();

        assertThat(emptied).isEqualTo(rebuild.tables());
        emptied.forEach(table -> assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class))
                .as(table).isZero());
        assertThat(positions.current(ACME)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history", Long.class)).isPositive();
        // the replay applies the history again from position 1
        projector.apply(new IncomingEvent("pg-rebuild-0", story.get(0)));
        assertThat(positions.current(ACME)).isEqualTo(1);
    }

    /** They came from the checkpoint topic, which the rebuild does not replay; the logs they sign it does. */
    @Test
    void theSignedCheckpointsAreKept() {
        jdbc.update("insert into log_entry (organization, log_index, event_id, entry, leaf_hash)"
                + " values ('acme', 0, 'e0', '\\x7b7d'::bytea, '\\x00'::bytea)");
        jdbc.update("insert into log_checkpoint (organization, size, root_hash, key_id, issued_at, note)"
                + " values ('acme', 1, '\\x00'::bytea, '14ccef9b', now(), 'the signed note')");

        rebuild.emptyReadModels();

        assertThat(rebuild.tables()).contains("log_entry", "log_tree").doesNotContain("log_checkpoint");
        assertThat(jdbc.queryForObject("select count(*) from log_entry", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select note from log_checkpoint", String.class)).isEqualTo("the signed note");
    }
}
