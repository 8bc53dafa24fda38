package io.infrashare.localpostgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LocalPostgresTest {

    @TempDir
    Path folder;

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable each : started) {
            each.close();
        }
    }

    @Test
    void aCommittedRowIsStillThereAfterARestartOnTheSameFolder() throws Exception {
        LocalPostgres.Settings settings = new LocalPostgres.Settings(folder.resolve("postgres"), freePort());

        try (LocalPostgres postgres = LocalPostgres.start(settings, output::add);
             Connection connection = postgres.cluster().connect("command");
             Statement statement = connection.createStatement()) {
            statement.execute("create table ledger (entry text)");
            statement.execute("insert into ledger values ('acknowledged')");
        }

        try (LocalPostgres restarted = LocalPostgres.start(settings, output::add);
             Connection connection = restarted.cluster().connect("command")) {
            assertThat(strings(connection, "select entry from ledger")).containsExactly("acknowledged");
            assertThat(strings(connection, "select datname || ' ' || pg_get_userbyid(datdba) from pg_database"
                    + " where datname in ('command', 'query') order by datname"))
                    .containsExactly("command infrashare", "query infrashare");
            assertThat(strings(connection, "show synchronous_commit")).containsExactly("on");
            assertThat(strings(connection, "show fsync")).containsExactly("on");
            assertThat(strings(connection, "show listen_addresses")).containsExactly("127.0.0.1");
        }
        assertThat(output).filteredOn(line -> line.startsWith("local-postgres: creating")).hasSize(1);
    }

    @Test
    void dataOfAnotherMajorVersionIsRefusedAndLeftAsItWas() throws Exception {
        Path data = Files.createDirectories(folder.resolve("postgres"));
        Files.writeString(data.resolve("PG_VERSION"), "9\n");
        Files.writeString(data.resolve("postgresql.conf"), "# a server of long ago\n");
        Map<String, String> before = contents(data);

        assertThatThrownBy(() -> LocalPostgres.start(new LocalPostgres.Settings(data, freePort()), output::add))
                .isInstanceOf(LocalPostgres.Refusal.class)
                .hasMessageContaining("holds data of PostgreSQL 9 and this build runs PostgreSQL "
                        + PostgresBinaries.unpacked().majorVersion())
                .hasMessageContaining("left as it was");
        assertThat(contents(data)).isEqualTo(before);
    }

    @Test
    void aFolderWithOtherFilesIsRefusedAndLeftAsItWas() throws Exception {
        Path data = Files.createDirectories(folder.resolve("postgres"));
        Files.writeString(data.resolve("notes.txt"), "mine\n");

        assertThatThrownBy(() -> LocalPostgres.start(new LocalPostgres.Settings(data, freePort()), output::add))
                .isInstanceOf(LocalPostgres.Refusal.class)
                .hasMessageContaining("holds no PostgreSQL data");
        assertThat(contents(data)).isEqualTo(Map.of("notes.txt", "mine\n"));
    }

    @Test
    void aTakenPortIsRefusedInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            LocalPostgres.Settings settings = new LocalPostgres.Settings(folder.resolve("postgres"),
                    taken.getLocalPort());
            assertThatThrownBy(() -> LocalPostgres.start(settings, output::add))
                    .isInstanceOf(LocalPostgres.Refusal.class)
                    .hasMessage("port " + taken.getLocalPort() + " is already in use: stop what listens there, or"
                            + " choose another port (POSTGRES_PORT)");
        }
    }

    @Test
    void aSecondServerOnTheSameFolderIsRefused() throws Exception {
        LocalPostgres.Settings settings = new LocalPostgres.Settings(folder.resolve("postgres"), freePort());
        started.add(LocalPostgres.start(settings, output::add));

        assertThatThrownBy(() -> LocalPostgres.start(new LocalPostgres.Settings(settings.dataDir(), freePort()),
                output::add))
                .isInstanceOf(LocalPostgres.Refusal.class)
                .hasMessageContaining("another local-postgres runs on " + settings.dataDir());
    }

    @Test
    void killedOutrightItTakesItsServerWithIt() throws Exception {
        // util-linux's setsid and setpriv: without them this promise does not hold, and the test says so
        assertThat(ParentDeath.launcher()).as("setsid and setpriv --pdeathsig on this machine").isNotEmpty();
        LocalPostgres.Settings settings = new LocalPostgres.Settings(folder.resolve("postgres"), freePort());
        Process jar = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalPostgres.class.getName(),
                "--dir", settings.dataDir().toString(), "--port", Integer.toString(settings.port()))
                .redirectErrorStream(true).start();
        started.add(jar::destroyForcibly);
        awaitReadyLine(jar);
        ProcessHandle server = ProcessHandle.of(postmasterPid(settings.dataDir())).orElseThrow();

        jar.destroyForcibly().waitFor();

        await("the server gone with local-postgres").atMost(Duration.ofSeconds(30)).until(() -> !server.isAlive());
        try (LocalPostgres restarted = LocalPostgres.start(settings, output::add);
             Connection connection = restarted.cluster().connect("query")) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void aServerAnEarlierRunLeftBehindIsStoppedAtTheNextStart() throws Exception {
        LocalPostgres.Settings settings = new LocalPostgres.Settings(folder.resolve("postgres"), freePort());
        PostgresCluster cluster;
        try (LocalPostgres first = LocalPostgres.start(settings, output::add)) {
            cluster = first.cluster();
        }
        // as a server whose local-postgres died where no parent-death signal exists
        Process leftBehind = new ProcessBuilder(cluster.serverCommand()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(leftBehind::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> answers(cluster));

        try (LocalPostgres next = LocalPostgres.start(settings, output::add)) {
            assertThat(leftBehind.isAlive()).isFalse();
            assertThat(output).anyMatch(line -> line.contains("pid " + leftBehind.pid() + " of an earlier run"));
            try (Connection connection = next.cluster().connect("command")) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aStalePidFileWhosePidWentToAnotherProgramDoesNotStopTheStart() throws Exception {
        LocalPostgres.Settings settings = new LocalPostgres.Settings(folder.resolve("postgres"), freePort());
        LocalPostgres.start(settings, output::add).close();
        Process other = new ProcessBuilder("sleep", "60").start();
        started.add(other::destroyForcibly);
        // what a SIGKILLed server leaves, its pid since given to another process
        Files.writeString(settings.dataDir().resolve("postmaster.pid"), other.pid() + "\n"
                + settings.dataDir() + "\n");

        try (LocalPostgres restarted = LocalPostgres.start(settings, output::add);
             Connection connection = restarted.cluster().connect("command")) {
            assertThat(connection.isValid(2)).isTrue();
            assertThat(other.isAlive()).isTrue();
        }
    }

    private static void awaitReadyLine(Process jar) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(jar.getInputStream(), StandardCharsets.UTF_8));
        await("local-postgres ready").atMost(Duration.ofMinutes(1))
                .until(() -> {
                    String line = lines.readLine();
                    if (line == null) {
                        throw new IllegalStateException("local-postgres exited before it was ready");
                    }
                    return line.startsWith("local-postgres: ") && line.contains(" ready on ");
                });
    }

    private static boolean answers(PostgresCluster cluster) throws SQLException {
        try (Connection connection = cluster.connect("command")) {
            return connection.isValid(2);
        }
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Map<String, String> contents(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path file : paths.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
