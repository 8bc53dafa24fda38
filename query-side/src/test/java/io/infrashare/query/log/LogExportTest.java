package io.infrashare.query.log;

import io.infrashare.events.OrganizationId;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log's lines are its entries and nothing else: an export that breaks off is one shorter than it said. */
class LogExportTest {

    private static final OrganizationId ACME = OrganizationId.of("acme");

    @Test
    void aCompleteExportIsItsEntriesAndExactlyTheLengthItDeclares() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new LogExport(new FiveEntries(5, Long.MAX_VALUE)).write(ACME, 1, 4L, response);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/x-ndjson");
        assertThat(response.getContentAsString()).isEqualTo("{\"e\":1}\n{\"e\":2}\n{\"e\":3}\n");
        assertThat(response.getContentLengthLong()).isEqualTo(response.getContentAsByteArray().length);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
    }

    @Test
    void anExportThatBreaksOffAfterItsStatusEndsShortOfTheLengthItDeclared() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new LogExport(new FiveEntries(5, 2)).write(ACME, 0, null, response);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).as("only whole entries").isEqualTo("{\"e\":0}\n{\"e\":1}\n");
        assertThat(response.getContentLengthLong()).as("the five entries' length").isEqualTo(5 * 8);
    }

    @Test
    void aLogMissingEntriesIsRefusedBeforeAnythingIsSent() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThatThrownBy(() -> new LogExport(new FiveEntries(6, Long.MAX_VALUE)).write(ACME, 0, null, response))
                .isInstanceOf(StoredLogMismatch.class);
        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    /**
     * A log whose tree says {@code size} entries and which holds the five of indexes 0 to 4, {@code {"e":<index>}}
     * each; reading an entry from index {@code failFrom} on fails as a lost database connection does.
     */
    private static final class FiveEntries extends StoredLog {

        private final long size;
        private final long failFrom;

        FiveEntries(long size, long failFrom) {
            super(null);
            this.size = size;
            this.failFrom = failFrom;
        }

        @Override
        long size(OrganizationId organization) {
            return size;
        }

        @Override
        Slice slice(OrganizationId organization, long from, long to) {
            long entries = Math.max(0, Math.min(to, 5) - from);
            return new Slice(entries, entries * 8);
        }

        @Override
        List<Entry> page(OrganizationId organization, long from, long to) {
            if (from >= failFrom) {
                throw new DataAccessResourceFailureException("connection lost");
            }
            return LongStream.range(from, Math.min(Math.min(to, 5), failFrom))
                    .mapToObj(index -> new Entry(index, ("{\"e\":" + index + "}").getBytes(StandardCharsets.UTF_8),
                            new byte[32]))
                    .toList();
        }
    }
}
