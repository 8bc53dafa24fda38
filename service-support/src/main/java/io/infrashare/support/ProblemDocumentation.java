package io.infrashare.support;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refusals in the OpenAPI document, as docs/http-api.md lists them: one {@code Problem} schema (RFC 9457's members,
 * {@code errors} and {@code consumers}), one shared response per status that refers to it, with an example taken
 * from a real answer, and on each operation the refusals its {@link Refusals} names, besides the 401, 403 and 500
 * that every operation may answer.
 */
public final class ProblemDocumentation {

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String RESPONSES = "#/components/responses/";
    private static final String SCHEMAS = "#/components/schemas/";

    private ProblemDocumentation() {
    }

    /** Documents that an operation may answer this refusal, as the shared response of its status. */
    public static Operation refuse(Operation operation, HttpStatus status) {
        operation.getResponses().addApiResponse(Integer.toString(status.value()),
                new ApiResponse().$ref(RESPONSES + Refusal.of(status).response));
        return operation;
    }

    /**
     * Each operation's {@link Refusals}, then what every operation may answer: 401, 403 (the platform's operator
     * reaches no organization's endpoint, and the demo principals answer the loopback only) and 500.
     */
    static OperationCustomizer refusals() {
        return (operation, handler) -> {
            Refusals refusals = handler.getMethodAnnotation(Refusals.class);
            if (refusals != null) {
                Arrays.stream(refusals.value()).forEach(status -> refuse(operation, status));
            }
            refuse(operation, HttpStatus.UNAUTHORIZED);
            refuse(operation, HttpStatus.FORBIDDEN);
            return refuse(operation, HttpStatus.INTERNAL_SERVER_ERROR);
        };
    }

    /** The problem's schemas, and the responses the operations refer to: a linter flags the others as unused. */
    static OpenApiCustomizer components() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas("Problem", problem())
                    .addSchemas("FieldError", fieldError())
                    .addSchemas("Consumer", consumer());
            Set<String> referred = openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .flatMap(operation -> operation.getResponses().values().stream())
                    .map(ApiResponse::get$ref)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            for (Refusal refusal : Refusal.values()) {
                if (referred.contains(RESPONSES + refusal.response)) {
                    components.addResponses(refusal.response, refusal.toResponse());
                }
            }
        };
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("A refusal, as RFC 9457 describes it: clients program against its type.")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("A stable relative URI naming the refusal, such as /problems/share-in-use "
                                + "(the table of docs/http-api.md)."))
                .addProperty("title", new StringSchema().description("The refusal's type, in a few words."))
                .addProperty("status", new IntegerSchema().description("The HTTP status of the answer."))
                .addProperty("detail", new StringSchema().description("What was refused and why, for a person."))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The path of the request refused, when the refusal names it."))
                .addProperty("errors", new ArraySchema().items(ref("FieldError"))
                        .description("For invalid input: each field, parameter or header refused, and why."))
                .addProperty("consumers", new ArraySchema().items(ref("Consumer"))
                        .description("For a refusal caused by consumers (rule 5 and 6): the environments "
                                + "consuming what the request would take away."))
                .addProperty("deletedAt", new DateTimeSchema()
                        .description("For an environment that was deleted: when."))
                .addProperty("correlationId", new StringSchema()
                        .description("For an internal error (500): the request's correlation id, which the "
                                + "service's log line about it names."))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .description("One field, parameter or header of a request, and what is wrong with it.")
                .addProperty("field", new StringSchema()
                        .description("The field (attributes.region for an attribute), parameter or header."))
                .addProperty("message", new StringSchema().description("What is wrong with it."))
                .required(List.of("field", "message"));
    }

    private static Schema<?> consumer() {
        return new ObjectSchema()
                .description("An environment that consumes a resource, by default or by remote reference.")
                .addProperty("environment", new StringSchema().description("The consuming environment."))
                .addProperty("project", new StringSchema().description("The project of that environment."))
                .addProperty("via", new StringSchema()._enum(List.of("default", "remote-reference"))
                        .description("How it consumes the resource: as the default of its type, or as a "
                                + "remote reference standing in for a package."))
                .addProperty("package", new StringSchema().nullable(true)
                        .description("The package the remote reference stands for; null for a default."))
                .required(List.of("environment", "project", "via", "package"));
    }

    private static Schema<?> ref(String schema) {
        return new Schema<>().$ref(SCHEMAS + schema);
    }

    /** The shared responses, with examples of real answers. */
    private enum Refusal {
        BAD_REQUEST(HttpStatus.BAD_REQUEST, "InvalidRequest",
                "Invalid input: malformed JSON, a missing, unknown or invalid field, parameter or header "
                        + "(/problems/invalid-request); errors names each.",
                problemExample("invalid-request", "Invalid request", 400, "Invalid fields: abbreviation.",
                        "/projects", "errors", List.of(Map.of("field", "abbreviation",
                                "message", "must match ^[a-z][a-z0-9]{0,19}$")))),
        UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthenticated",
                "No token, or one the service does not accept (/problems/unauthenticated).",
                problemExample("unauthenticated", "Unauthenticated", 401,
                        "A valid bearer token is required: Authorization: Bearer <token>.", null, null, null)),
        FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden",
                "The caller may not do this (/problems/forbidden): see \"Who may write\" in docs/http-api.md.",
                problemExample("forbidden", "Forbidden", 403, "An auditor reads everything of the organization "
                        + "and writes nothing, whatever teams the token names.", null, null, null)),
        NOT_FOUND(HttpStatus.NOT_FOUND, "NotFound",
                "An id in the path or the body does not exist in the caller's organization (/problems/not-found).",
                problemExample("not-found", "Not found", 404, "There is no project 'nope'.", "/projects/nope",
                        null, null)),
        CONFLICT(HttpStatus.CONFLICT, "Conflict",
                "The request breaks a rule of docs/domain.md given the current state: the type names which "
                        + "(/problems/share-in-use...); consumers lists the environments in the way.",
                problemExample("resource-in-use", "Resource in use", 409,
                        "Resource 48fcd738-24f3-4340-af9a-65d229673c42 is consumed; release it everywhere before "
                                + "decommissioning it.",
                        "/resources/48fcd738-24f3-4340-af9a-65d229673c42/decommission", "consumers", List.of(
                                consumerExample("ecomm-staging", "ecomm", "default", null),
                                consumerExample("peering-global", "peering", "remote-reference", "usvpc")))),
        PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "PayloadTooLarge",
                "The request body is over the limit, 64 KiB by default (/problems/payload-too-large).",
                problemExample("payload-too-large", "Payload too large", 413,
                        "The request body is larger than the limit of 64 KiB.", null, null, null)),
        UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
                "The body is not of a media type the operation reads (/problems/unsupported-media-type).",
                problemExample("unsupported-media-type", "Unsupported Media Type", 415,
                        "Content-Type 'text/plain;charset=UTF-8' is not supported.", "/projects", null, null)),
        UNPROCESSABLE(HttpStatus.UNPROCESSABLE_ENTITY, "IdempotencyKeyReused",
                "The Idempotency-Key was used before for another request (/problems/idempotency-key-reused); "
                        + "nothing ran.",
                problemExample("idempotency-key-reused", "Idempotency key reused", 422,
                        "This Idempotency-Key was already used for another request; a new request needs a new key.",
                        null, null, null)),
        TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "RateLimited",
                "The caller sent more writes than the rate limit allows (/problems/rate-limited): nothing was "
                        + "recorded, retry after Retry-After seconds.",
                problemExample("rate-limited", "Too many writes", 429, "olivia sent more than 50 writes per second "
                        + "(bursts of 500); nothing was recorded, retry after 1 s.", null, null, null)),
        INTERNAL_SERVER_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "InternalError",
                "The request failed unexpectedly (/problems/internal); the service's log has the details.",
                problemExample("internal", "Internal error", 500,
                        "The request failed unexpectedly; the log has the details.", null, null, null)),
        SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "StoreUnavailable",
                "The database failed under the command (/problems/store-unavailable): it may or may not have been "
                        + "recorded; repeat it after Retry-After seconds, with the same Idempotency-Key if it had one.",
                problemExample("store-unavailable", "Event store unavailable", 503, "The database could not be "
                        + "used; the command may not have been recorded. Repeat it, with the same Idempotency-Key "
                        + "if it had one.", null, null, null));

        private final HttpStatus status;
        private final String response;
        private final String description;
        private final Map<String, Object> example;

        Refusal(HttpStatus status, String response, String description, Map<String, Object> example) {
            this.status = status;
            this.response = response;
            this.description = description;
            this.example = example;
        }

        static Refusal of(HttpStatus status) {
            return Arrays.stream(values()).filter(refusal -> refusal.status == status).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No problem response for " + status));
        }

        ApiResponse toResponse() {
            ApiResponse answer = new ApiResponse().description(description).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(ref("Problem")).example(example)));
            if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
                answer.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying.")
                        .schema(new IntegerSchema()));
            }
            return answer;
        }
    }

    private static Map<String, Object> problemExample(String type, String title, int status, String detail,
                                                      String instance, String listName, List<?> list) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "/problems/" + type);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        if (instance != null) {
            example.put("instance", instance);
        }
        if (listName != null) {
            example.put(listName, list);
        }
        return example;
    }

    private static Map<String, Object> consumerExample(String environment, String project, String via, String pkg) {
        Map<String, Object> consumer = new LinkedHashMap<>();
        consumer.put("environment", environment);
        consumer.put("project", project);
        consumer.put("via", via);
        consumer.put("package", pkg);
        return consumer;
    }
}
