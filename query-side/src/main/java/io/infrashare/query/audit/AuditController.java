package io.infrashare.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.EventTypes;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.query.PointInTime;
import io.infrashare.query.Positioned;
import io.infrashare.support.Caller;
import io.infrashare.support.Problems;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@RestController
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final Logger log = LoggerFactory.getLogger(AuditController.class);
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AuditQuery query;
    private final ObjectMapper json;

    AuditController(AuditQuery query, ObjectMapper json) {
        this.query = query;
        this.json = json;
    }

    /**
     * One mapping for both answers: with a second mapping that {@code produces} NDJSON, Spring would pick it for
     * {@code Accept: *}{@code /*} too, and a client that accepts anything expects the page.
     */
    @Operation(operationId = "listAuditEntries", tags = "audit", summary = "The audit log",
            description = "The organization's history, oldest first, a page at a time: each event with who caused it "
                    + "when, why and in which request (rule 7: every event says who, when, why and in which "
                    + "request), what it is about, whether the read models applied it, and its data as the topic "
                    + "carried it. The filters combine; next is the cursor of the following page. With Accept: "
                    + "application/x-ndjson, every matching entry, one JSON object per line, then a trailer line "
                    + "{\"trailer\":{\"count\",\"lastPosition\",\"next\"}}; an export that breaks off ends with an "
                    + "error line instead, and is complete only if its last line is the trailer.")
    @Refusals(HttpStatus.BAD_REQUEST)
    @ApiResponse(responseCode = "200", description = "A page of entries, or with Accept: application/x-ndjson the "
            + "export of every matching entry", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AuditPage.class)),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string",
                    description = "One AuditEntry as JSON a line, then the trailer line, or an error line if the "
                            + "export broke off"))})
    @GetMapping("/audit")
    ResponseEntity<AuditPage> audit(@Parameter(description = "Events of this project, and shares it receives")
                                    @RequestParam(required = false) String project,
                                    @Parameter(description = "Events of this environment (si-staging)")
                                    @RequestParam(required = false) String environment,
                                    @Parameter(description = "Every event about this resource: its provisioning, "
                                            + "reconfiguration, shares and revocations, and every default or "
                                            + "reference that sets, replaces or releases it",
                                            schema = @Schema(type = "string", format = "uuid"))
                                    @RequestParam(required = false) String resource,
                                    @Parameter(description = "Events caused by this principal (its name)")
                                    @RequestParam(required = false) String actor,
                                    @Parameter(description = "Events of this type (ResourceShared); an unknown type "
                                            + "is a 400")
                                    @RequestParam(required = false) String type,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @Parameter(description = "The cursor a page gave as next: the entries after it")
                                    @RequestParam(required = false) String after,
                                    @Parameter(description = "Entries in a page", schema = @Schema(type = "integer",
                                            format = "int32", minimum = "1", maximum = "1000",
                                            defaultValue = "100"))
                                    @RequestParam(required = false) String limit,
                                    @Parameter(hidden = true)
                                    @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                    Caller caller, HttpServletResponse response) throws IOException {
        AuditFilter filter = new AuditFilter(
                blankToNull(project) == null ? null : ProjectId.of(project),
                blankToNull(environment) == null ? null : EnvironmentId.of(environment),
                resourceId(resource), blankToNull(actor), eventType(type), instant("from", from), instant("to", to));
        long afterPosition = afterPosition(after);
        if (wantsLines(accept)) {
            lines(caller, filter, afterPosition, response);
            return null;
        }
        return query.page(caller.organization(), filter, afterPosition, limit(limit)).toResponse();
    }

    /**
     * Written on the request's own thread, page by page as they are read: an asynchronous body would be cut off by
     * the container's async timeout, and an export of years of history may well take longer than that. The status is
     * sent with the first page, so an entry that cannot be read or written afterwards cannot turn the answer into a
     * 500: the export ends with an error line and without its trailer ({@link AuditLines}), which a client detects
     * as surely as a broken connection, and resumes from the {@code next} cursor.
     */
    private void lines(Caller caller, AuditFilter filter, long after, HttpServletResponse response)
            throws IOException {
        long position = query.position(caller.organization());
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(NDJSON.toString());
        response.setHeader(Positioned.HEADER, Long.toString(position));
        AuditLines lines = new AuditLines(json, response.getOutputStream(), after);
        try {
            query.stream(caller.organization(), filter, after, position, page -> {
                try {
                    lines.write(page);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client is gone
        } catch (RuntimeException e) {
            log.error("The audit export of {} broke off", caller.organization(), e);
            lines.brokeOff();
            return;
        }
        lines.end();
    }

    /**
     * The export for a client that prefers it: NDJSON named explicitly, ahead of JSON (or a range that holds JSON,
     * such as a wildcard) by quality and then by order. A wildcard alone gets the page, and so does a client that
     * lists JSON first, as generated clients do when they list every media type an operation may answer.
     */
    private static boolean wantsLines(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.getType().equals(NDJSON.getType()) && type.getSubtype().equals(NDJSON.getSubtype())) {
                return true;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return false; // application/json, application/* or */*: the page is as welcome
            }
        }
        return false;
    }

    private static ResourceId resourceId(String resource) {
        if (blankToNull(resource) == null) {
            return null;
        }
        try {
            return ResourceId.of(UUID.fromString(resource));
        } catch (IllegalArgumentException e) {
            throw invalid("resource", "is not a resource id",
                    "'" + resource + "' is not a resource id such as 8c1f7a5e-4a6e-4c51-9d55-3b1b6f0f2a10.");
        }
    }

    private static String eventType(String type) {
        if (blankToNull(type) == null) {
            return null;
        }
        if (EventTypes.forType(type).isEmpty()) {
            throw invalid("type", "is not an event type",
                    "'" + type + "' is not an event type such as ResourceShared.");
        }
        return type;
    }

    /** Microseconds, the precision of the history's instants. */
    private static Instant instant(String parameter, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return PointInTime.parse(parameter, value);
    }

    private static long afterPosition(String after) {
        if (after == null) {
            return 0;
        }
        return AuditCursor.position(after).orElseThrow(() -> invalid("after", "is not a cursor of this log",
                "Parameter 'after' is not a cursor this log gave out as 'next'."));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as a number out of range is
        }
        throw invalid("limit", "must be between 1 and " + MAX_LIMIT,
                "Parameter 'limit' must be a number between 1 and " + MAX_LIMIT + ".");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ErrorResponseException invalid(String parameter, String message, String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                Problems.invalid(detail, List.of(new Problems.FieldError(parameter, message))), null);
    }
}
