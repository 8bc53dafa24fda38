package io.infrashare.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.Provenance;
import io.infrashare.faultrun.Postgres;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Projects with a long history, for measuring how long loading one takes. Each is created through the command side,
 * then given its history straight in the event store while the command side is stopped: a preview environment
 * created and torn down again and again, {@code EnvironmentCreated} and {@code EnvironmentDeleted} rows as the command
 * side writes them (same JSON, revision, metadata and aggregate type). Seeding that many events over HTTP would take
 * the better part of an hour; these two event types touch nothing but the project itself (the catalog keeps no
 * environments), so the rows are all the command side would have recorded.
 */
final class History {

    static final String DATABASE = "history";
    private static final String OPS = "dev-ops";
    private static final int BATCH = 1_000;

    private final Postgres postgres;
    private final List<String> projects;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    History(Postgres postgres, int projects) {
        this.postgres = postgres;
        this.projects = IntStream.rangeClosed(1, projects).mapToObj(i -> "hist" + i).toList();
    }

    List<String> projects() {
        return projects;
    }

    /** Creates the projects, and one to warm the command side up on, through the command side. */
    void create(Api api) {
        for (String project : projects) {
            api.as(OPS).post("/projects", "{\"name\":\"History " + project + "\",\"abbreviation\":\"" + project
                    + "\",\"ownerTeam\":\"ops\"}").requireSuccess();
        }
        api.as(OPS).post("/projects", "{\"name\":\"Warm-up\",\"abbreviation\":\"warm\",\"ownerTeam\":\"ops\"}")
                .requireSuccess();
    }

    /** Gives each project {@code events} events in all; the command side must be stopped. */
    void seed(int events) throws SQLException, IOException {
        try (Connection connection = postgres.connect(DATABASE)) {
            connection.setAutoCommit(false);
            for (String project : projects) {
                seed(connection, project, events);
                connection.commit();
            }
        }
    }

    private void seed(Connection connection, String project, int events) throws SQLException, IOException {
        String aggregate;
        String type;
        byte[] metaData;
        try (PreparedStatement created = connection.prepareStatement("SELECT aggregateIdentifier, type, metaData"
                + " FROM DomainEventEntry WHERE payloadType = ? AND aggregateIdentifier LIKE ?")) {
            created.setString(1, "io.infrashare.events.ProjectCreated");
            created.setString(2, "%/" + project);
            try (ResultSet row = created.executeQuery()) {
                row.next();
                aggregate = row.getString(1);
                type = row.getString(2);
                metaData = row.getBytes(3);
            }
        }
        OrganizationId organization = OrganizationId.of(aggregate.substring(0, aggregate.indexOf('/')));
        ProjectId id = ProjectId.of(project);
        Instant at = Instant.now().minus(events, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier,"
                + " sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int sequence = 1; sequence < events; sequence++) {
                Instant now = at.plusSeconds(sequence);
                EnvironmentId preview = EnvironmentId.of(id, "pr" + (sequence + 1) / 2);
                Provenance provenance = new Provenance("olivia", "history", now, UUID.randomUUID().toString());
                InfrashareEvent event = sequence % 2 == 1
                        ? new EnvironmentCreated(organization, id, preview, "Preview", Map.of(), null, provenance)
                        : new EnvironmentDeleted(organization, id, preview, provenance);
                insert.setString(1, aggregate);
                insert.setLong(2, sequence);
                insert.setString(3, type);
                insert.setString(4, UUID.randomUUID().toString());
                insert.setBytes(5, metaData);
                insert.setBytes(6, json.writeValueAsBytes(event));
                insert.setString(7, Integer.toString(EventSchemas.currentRevision(event.eventType())));
                insert.setString(8, event.getClass().getName());
                insert.setString(9, now.toString());
                insert.addBatch();
                if (sequence % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** How many snapshots the store holds for the projects. */
    long snapshots() throws SQLException {
        try (Connection connection = postgres.connect(DATABASE);
             ResultSet row = connection.createStatement().executeQuery("SELECT count(*) FROM SnapshotEventEntry")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A few commands on the warm-up project, so that the first load measured is not also the JVM's first command. */
    static void warmUp(Api api, String round) {
        for (int i = 0; i < 50; i++) {
            String environment = round + "w" + i;
            api.as(OPS).post("/projects/warm/environments", "{\"name\":\"Warm\",\"abbreviation\":\"" + environment
                    + "\"}").requireSuccess();
            api.as(OPS).delete("/environments/warm-" + environment).requireSuccess();
        }
    }

    /**
     * The first command on a project since the command side started, which loads it, and a second one, on it in
     * memory; both in milliseconds. The second recreates the first preview environment of the history, which is
     * refused: telling that needs the history's first events.
     */
    static Load load(Api api, String project, String round) {
        long started = System.nanoTime();
        api.as(OPS).post("/projects/" + project + "/environments", "{\"name\":\"After\",\"abbreviation\":\""
                + round + "\"}").requireSuccess();
        long loaded = System.nanoTime();
        Answer again = api.as(OPS).post("/projects/" + project + "/environments",
                "{\"name\":\"Again\",\"abbreviation\":\"pr1\"}");
        long second = System.nanoTime();
        if (again.status() != 409) {
            throw new IllegalStateException("Recreating " + project + "-pr1 answered " + again.status()
                    + " instead of 409: " + again.text());
        }
        return new Load(project, (loaded - started) / 1e6, (second - loaded) / 1e6);
    }

    record Load(String project, double firstMillis, double secondMillis) {
    }
}
