package io.infrashare.system;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.http.Exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every answer of a running service checked against the OpenAPI document the service itself serves at
 * {@code /v3/api-docs}, with Atlassian's swagger-request-validator: an answer whose status the document does not list
 * for its operation, whose media type it does not list for that status, or whose body does not match that schema, is
 * a violation. A test gives its clients to {@link #checking}, and {@link #assertKept} fails with every violation seen,
 * grouped by operation, status and the validator's message.
 *
 * <p>The validator checks schemas by OpenAPI 3.0's rules, and does not see the types of a 3.1 document's schemas at
 * all (a string where the document says integer passes). The services serve 3.0 for that reason; should a document
 * be 3.1, it is read as the 3.0 document that says the same ({@link #asOpenApi30}) before it is given to the validator.
 *
 * <p>An NDJSON answer is a stream of lines, each matching the schema; an empty one is a stream of no lines (an
 * export of an empty log), not a missing body.
 *
 * <p>Out of scope: the operational endpoints ({@code /actuator/**}, the document itself, Swagger UI), which the
 * document does not describe. Requests are not validated: the hostile-input tests send malformed ones on purpose, and
 * what must hold for those is that their 400 is a documented problem, which the answer's check covers.
 */
final class ServedContract implements Consumer<Exchange> {

    private static final String NDJSON = "application/x-ndjson";
    private static final List<String> OUT_OF_SCOPE = List.of("/actuator", "/v3/api-docs", "/swagger-ui");
    /** An index in a JSON pointer of the validator's message: a violation in each entry of a list is one violation. */
    private static final Pattern ARRAY_INDEX = Pattern.compile("(?<=/)\\d+(?=[/'])");

    private final String service;
    private final OpenApiInteractionValidator validator;
    private final AtomicInteger checked = new AtomicInteger();
    /** How often each violation was seen, and the first request that showed it. */
    private final Map<String, Seen> violations = new ConcurrentHashMap<>();

    private record Seen(String firstRequest, int times) {
    }

    private ServedContract(String service, OpenApiInteractionValidator validator) {
        this.service = service;
        this.validator = validator;
    }

    /** The document the service at the client's address serves now, read without a token. */
    static ServedContract servedBy(String service, Api api) {
        JsonNode document = api.as(null).get("/v3/api-docs").requireSuccess().body();
        return new ServedContract(service, OpenApiInteractionValidator
                .createForInlineApiSpecification(asOpenApi30(document).toString())
                .build());
    }

    /**
     * A 3.1 document as 3.0 says it: {@code type: [T, "null"]} and a {@code oneOf}/{@code anyOf} with a
     * {@code {"type": "null"}} become {@code nullable: true}, a numeric {@code exclusiveMinimum} or
     * {@code exclusiveMaximum} the bound and {@code true}; a schema of several types, which 3.0 cannot say, is an
     * {@link IllegalArgumentException}. A 3.0 document is returned as it is.
     */
    static JsonNode asOpenApi30(JsonNode document) {
        if (!document.path("openapi").asText().startsWith("3.1")) {
            return document;
        }
        ObjectNode copy = document.deepCopy();
        copy.put("openapi", "3.0.3");
        downgrade(copy);
        return copy;
    }

    private static void downgrade(JsonNode node) {
        if (node instanceof ObjectNode schema) {
            JsonNode type = schema.get("type");
            if (type != null && type.isArray()) {
                List<String> types = new ArrayList<>();
                type.forEach(each -> types.add(each.asText()));
                if (types.remove("null")) {
                    schema.put("nullable", true);
                }
                if (types.size() != 1) {
                    throw new IllegalArgumentException("OpenAPI 3.0 cannot say a schema of types " + type);
                }
                schema.put("type", types.get(0));
            }
            for (String combinator : List.of("oneOf", "anyOf")) {
                if (schema.get(combinator) instanceof ArrayNode choices) {
                    for (int i = choices.size() - 1; i >= 0; i--) {
                        if (choices.get(i).size() == 1 && choices.get(i).path("type").asText().equals("null")) {
                            choices.remove(i);
                            schema.put("nullable", true);
                        }
                    }
                }
            }
            for (String bound : List.of("Minimum", "Maximum")) {
                JsonNode exclusive = schema.get("exclusive" + bound);
                if (exclusive != null && exclusive.isNumber()) {
                    schema.set(bound.toLowerCase(Locale.ROOT), exclusive);
                    schema.put("exclusive" + bound, true);
                }
            }
            schema.properties().forEach(field -> {
                if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                    downgrade(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(ServedContract::downgrade);
        }
    }

    /** The client, and every client made from it, with each of its answers checked. */
    Api checking(Api api) {
        return api.observedBy(this);
    }

    @Override
    public void accept(Exchange exchange) {
        String path = exchange.path().split("\\?", 2)[0];
        if (OUT_OF_SCOPE.stream().anyMatch(path::startsWith)) {
            return;
        }
        Answer answer = exchange.answer();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status()).withBody(answer.text());
        answer.headers().map().forEach(response::withHeader);
        if (answer.contentType() != null) {
            response.withContentType(answer.contentType());
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(exchange.method()),
                response.build());
        checked.incrementAndGet();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR && !isAStreamOfNoLines(answer, message)) {
                violations.merge(violation(exchange, message), new Seen(exchange.method() + " " + exchange.path(), 1),
                        (first, again) -> new Seen(first.firstRequest(), first.times() + 1));
            }
        }
    }

    private static boolean isAStreamOfNoLines(Answer answer, ValidationReport.Message message) {
        return message.getKey().equals("validation.response.body.missing") && answer.contentType() != null
                && answer.contentType().startsWith(NDJSON) && answer.text().isEmpty();
    }

    /** The answers checked so far, for a test of this class. */
    int checked() {
        return checked.get();
    }

    /** Each violation seen, one line each: the operation, the status and the validator's key and message. */
    List<String> violations() {
        return violations.entrySet().stream()
                .map(each -> each.getKey() + " (" + each.getValue().times() + " times, first "
                        + each.getValue().firstRequest() + ")")
                .sorted()
                .toList();
    }

    /** Fails, listing every violation seen, unless every answer checked matched the document. */
    void assertKept() {
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " kinds of answer of the " + service + " (of "
                    + checked.get() + " checked) do not match the OpenAPI document it serves:\n"
                    + violations().stream().map(line -> "  " + line).collect(Collectors.joining("\n")));
        }
    }

    private static String violation(Exchange exchange, ValidationReport.Message message) {
        String operation = message.getContext()
                .flatMap(ValidationReport.MessageContext::getApiOperation)
                .map(found -> found.getMethod() + " " + found.getApiPath().original() + " ("
                        + found.getOperation().getOperationId() + ")")
                .orElse(exchange.method() + " " + exchange.path().split("\\?", 2)[0]);
        return operation + " answered " + exchange.answer().status() + ": [" + message.getKey() + "] "
                + ARRAY_INDEX.matcher(message.getMessage().replace('\n', ' ')).replaceAll("*");
    }
}
