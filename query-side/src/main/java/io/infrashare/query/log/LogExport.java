package io.infrashare.query.log;

import io.infrashare.events.OrganizationId;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes entries of an organization's log, each its exact stored bytes and a newline, read page by page. The lines are
 * the entries and nothing else, so an export that breaks off cannot say so in a last line, as the audit export does:
 * instead the answer declares its length up front, counted by the database, and closes its connection when done. One
 * that breaks off after its status was sent ends short of that length, which every HTTP client reports as an
 * incomplete answer; a failure before it is a 500.
 */
@Component
class LogExport {

    static final String NDJSON = "application/x-ndjson";
    private static final Logger log = LoggerFactory.getLogger(LogExport.class);

    private final StoredLog stored;

    LogExport(StoredLog stored) {
        this.stored = stored;
    }

    /** Entries {@code from} up to {@code to} (exclusive), or up to the end of the log if it is shorter or to is null. */
    void write(OrganizationId organization, long from, Long to, HttpServletResponse response) throws IOException {
        long size = stored.size(organization);
        long end = to == null ? size : Math.min(to, size);
        long start = Math.min(from, end);
        StoredLog.Slice slice = stored.slice(organization, start, end);
        if (slice.entries() != end - start) {
            throw new StoredLogMismatch("The stored log of " + organization + " has " + slice.entries() + " of its "
                    + (end - start) + " entries from " + start + " to " + end);
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(NDJSON);
        response.setContentLengthLong(slice.bytes());
        response.setHeader(HttpHeaders.CONNECTION, "close");
        OutputStream out = response.getOutputStream();
        long next = start;
        try {
            while (next < end) {
                List<StoredLog.Entry> page = stored.page(organization, next, end);
                if (page.isEmpty()) {
                    throw new StoredLogMismatch("entries from " + next + " are gone");
                }
                for (StoredLog.Entry entry : page) {
                    if (entry.index() != next) {
                        throw new StoredLogMismatch("entry " + next + " is gone");
                    }
                    out.write(entry.bytes());
                    out.write('\n');
                    next++;
                }
            }
        } catch (RuntimeException e) {
            log.error("The log export of {} broke off before entry {}; its answer ends short of its length", organization,
                    next, e);
            return;
        }
        out.flush();
    }
}
