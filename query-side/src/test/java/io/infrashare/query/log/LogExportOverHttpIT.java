package io.infrashare.query.log;

import io.infrashare.events.OrganizationId;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Over a real server and its socket, a log export that breaks off after its status was sent is not a complete 200:
 * the client sees the answer end short of the length it declared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.kafka.listener.auto-startup=false")
@WithPostgres
class LogExportOverHttpIT {

    /** Entries of 100 bytes with their newline: the first pages fill the container's response buffer many times. */
    private static final int ENTRY = 99;

    @LocalServerPort
    int port;

    @Test
    void anExportThatBreaksOffIsIncompleteToTheClient() {
        Api acme = Api.localhost(port).as("dev-ops");

        Answer whole = acme.get("/audit/log?to=" + BreakingLog.BREAKS_AT);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.text().split("\n")).hasSize(BreakingLog.BREAKS_AT);

        assertThatThrownBy(() -> acme.get("/audit/log")).isInstanceOf(UncheckedIOException.class);
    }

    @TestConfiguration
    static class Configuration {

        @Bean
        @Primary
        StoredLog breakingLog() {
            return new BreakingLog();
        }
    }

    /** A log of 3,000 entries whose entries from index 1,000 on cannot be read, as if the database went away. */
    static final class BreakingLog extends StoredLog {

        static final int BREAKS_AT = 1000;

        BreakingLog() {
            super(null);
        }

        @Override
        long size(OrganizationId organization) {
            return 3 * BREAKS_AT;
        }

        @Override
        Slice slice(OrganizationId organization, long from, long to) {
            return new Slice(to - from, (to - from) * (ENTRY + 1));
        }

        @Override
        List<Entry> page(OrganizationId organization, long from, long to) {
            if (from >= BREAKS_AT) {
                throw new DataAccessResourceFailureException("connection lost");
            }
            return LongStream.range(from, Math.min(Math.min(to, BREAKS_AT), from + PAGE))
                    .mapToObj(index -> new Entry(index, entry(index), new byte[32]))
                    .toList();
        }

        private static byte[] entry(long index) {
            String prefix = "{\"index\":" + index + ",\"padding\":\"";
            return (prefix + "x".repeat(ENTRY - prefix.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
