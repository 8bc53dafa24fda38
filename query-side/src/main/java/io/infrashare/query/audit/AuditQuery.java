package io.infrashare.query.audit;

import io.infrashare.events.OrganizationId;
import io.infrashare.query.Positioned;
import io.infrashare.query.ingest.Positions;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;

@Component
class AuditQuery {

    /** Entries read at a time for a stream: memory stays flat however long the history. */
    static final int STREAM_PAGE = 500;

    private final Positions positions;
    private final AuditLogReadModel auditLog;

    AuditQuery(Positions positions, AuditLogReadModel auditLog) {
        this.positions = positions;
        this.auditLog = auditLog;
    }

    /**
     * Entries are written together with the organization's position and never change, so reading the position
     * first and no entry beyond it makes the page exactly that position's, however many events arrive meanwhile.
     * One more entry than asked for is read to know whether there is a next page.
     */
    Positioned<AuditPage> page(OrganizationId organization, AuditFilter filter, long after, int limit) {
        long position = positions.current(organization);
        List<AuditEntry> entries = auditLog.entries(organization, filter, after, position, limit + 1);
        if (entries.size() <= limit) {
            return new Positioned<>(position, new AuditPage(entries, null));
        }
        List<AuditEntry> page = entries.subList(0, limit);
        return new Positioned<>(position, new AuditPage(List.copyOf(page),
                AuditCursor.after(page.get(page.size() - 1).position())));
    }

    /** The position the stream will reflect; pass it to {@link #stream}. */
    long position(OrganizationId organization) {
        return positions.current(organization);
    }

    /** Every matching entry up to {@code upTo}, page by page in order; each page is a statement of its own. */
    void stream(OrganizationId organization, AuditFilter filter, long after, long upTo,
                Consumer<List<AuditEntry>> pages) {
        long last = after;
        List<AuditEntry> page;
        do {
            page = auditLog.entries(organization, filter, last, upTo, STREAM_PAGE);
            if (!page.isEmpty()) {
                pages.accept(page);
                last = page.get(page.size() - 1).position();
            }
        } while (page.size() == STREAM_PAGE);
    }
}
