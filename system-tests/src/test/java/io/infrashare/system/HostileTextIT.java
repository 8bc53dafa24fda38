package io.infrashare.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.system.HostileText.Fate;
import io.infrashare.system.HostileText.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static io.infrashare.system.HostileText.fate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile text through every write that stores text, on the stack's own processes: each answer is either a 400
 * problem naming the field, after which nothing was recorded, or a success after which the query side's read model
 * and the audit log give the text back exactly as it was sent, {@code X-Reason} included. Which of the two the
 * contract promises is decided by {@link HostileText}; where it leaves both open (a length between the count of
 * UTF-16 units and that of code points), either answer passes, as long as it is one of the two.
 */
class HostileTextIT {

    private static final String ADMIN = "dev-admin";
    private static final String PROJECT = "hx";
    private static final String BASE = PROJECT + "-base";
    private static final String RECEIVER = "hy";
    private static final Pattern ABBREVIATION = Pattern.compile("^[a-z][a-z0-9]{0,19}$");
    private static final Duration VISIBLE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final AtomicInteger counter = new AtomicInteger();
    /** The reason each write the property acknowledged recorded, by correlation id; empty for none. */
    private static final Map<String, Optional<String>> acknowledged = new ConcurrentHashMap<>();
    private static final Set<String> packages = ConcurrentHashMap.newKeySet();

    private static DemoStack stack;
    private static Api commands;
    private static Api queries;
    private static String sharedResource;
    private static boolean shared;

    @BeforeContainer
    static void startTheStack() throws Exception {
        stack = DemoStack.start(Files.createTempDirectory("hostile-text"));
        commands = stack.commandSide().api();
        queries = stack.querySide().api();

        plain("POST", "/projects", "{\"name\":\"Hostile text\",\"abbreviation\":\"hx\",\"ownerTeam\":\"ops\"}");
        plain("POST", "/projects/hx/environments", "{\"name\":\"Base\",\"abbreviation\":\"base\"}");
        plain("POST", "/projects", "{\"name\":\"Receiver\",\"abbreviation\":\"hy\",\"ownerTeam\":\"ops\"}");
        sharedResource = plain("POST", "/projects/hx/resources", "{\"type\":\"postgresql\",\"name\":\"shared db\"}")
                .body().path("id").asText();
    }

    @AfterContainer
    static void stopTheStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Provide
    Arbitrary<String> names() {
        return HostileText.text(200, false);
    }

    @Provide
    Arbitrary<String> teams() {
        return HostileText.text(false, "\u00A0ops \uD83D\uDEE0\uFE0F");
    }

    /** Reasons for writes whose body is the point: one edge case, so that the body's edge cases come first. */
    @Provide
    Arbitrary<String> reasons() {
        return HostileText.text(true, "why:\tsee ticket 42\n\u05E9\u05DC\u05D5\u05DD \uD83D\uDE00 ").injectNull(0.1);
    }

    /** Reasons around the limit of 1,000 characters, with tabs and line breaks, those first. */
    @Provide
    Arbitrary<String> reasonsAtTheirLimits() {
        return HostileText.text(1000, true).injectNull(0.1);
    }

    @Provide
    Arbitrary<Boolean> forks() {
        return HostileText.withEdgeCases(Arbitraries.of(true, false), List.of(true));
    }

    @Provide
    Arbitrary<Map<String, String>> labels() {
        return HostileText.labels();
    }

    @Provide
    Arbitrary<Map<String, Object>> attributes() {
        return HostileText.attributes();
    }

    @Provide
    Arbitrary<String> bodilessWrites() {
        return Arbitraries.of("share or revoke", "teardown", "resource type");
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.FIRST)
    void aProjectKeepsItsNameAndOwnerTeam(@ForAll("names") String name, @ForAll("teams") String ownerTeam,
                                          @ForAll("reasons") String reason) throws Exception {
        String id = "p" + counter.incrementAndGet();
        Map<String, Object> body = body("name", name, "abbreviation", id, "ownerTeam", ownerTeam);
        Expected expected = new Expected().text("name", name, HostileText.NAME)
                .text("ownerTeam", ownerTeam, HostileText.TEAM).reason(reason);

        Written written = write("POST", "/projects", body, reason, expected);
        if (written.kept()) {
            JsonNode event = awaitAuditEntry("project=" + id, written, reason).path("data");
            assertThat(event.path("name").asText()).isEqualTo(name);
            assertThat(event.path("ownerTeam").asText()).isEqualTo(ownerTeam);
            JsonNode project = awaitFound("/projects/" + id);
            assertThat(project.path("name").asText()).isEqualTo(name);
            assertThat(project.path("ownerTeam").asText()).isEqualTo(ownerTeam);
        }
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.FIRST)
    void anEnvironmentOrForkKeepsItsNameAndLabels(@ForAll("names") String name,
                                                  @ForAll("labels") Map<String, String> labels,
                                                  @ForAll("forks") boolean fork, @ForAll("reasons") String reason)
            throws Exception {
        String abbreviation = "e" + counter.incrementAndGet();
        String id = PROJECT + "-" + abbreviation;
        Map<String, Object> body = body("name", name, "abbreviation", abbreviation, "labels", labels);
        if (fork) {
            body.put("forkOf", BASE);
        }
        Expected expected = new Expected().text("name", name, HostileText.NAME).labels(labels).reason(reason);

        Written written = write("POST", "/projects/" + PROJECT + "/environments", body, reason, expected);
        if (written.kept()) {
            JsonNode event = awaitAuditEntry("environment=" + id, written, reason).path("data");
            assertThat(event.path("name").asText()).isEqualTo(name);
            assertThat(JSON.convertValue(event.path("labels"), Map.class)).isEqualTo(labels);
            JsonNode environment = await("environment " + id + " in the project").atMost(VISIBLE)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> environmentOf(query("/projects/" + PROJECT).body(), id), Optional::isPresent)
                    .orElseThrow();
            assertThat(environment.path("name").asText()).isEqualTo(name);
            assertThat(JSON.convertValue(environment.path("labels"), Map.class)).isEqualTo(labels);
        }
    }

    @Property(tries = 80, edgeCases = EdgeCasesMode.FIRST)
    void aProvisionedResourceKeepsItsNameAndAttributes(@ForAll("names") String name,
                                                       @ForAll("attributes") Map<String, Object> attributes,
                                                       @ForAll("reasons") String reason) throws Exception {
        String pkg = "k" + counter.incrementAndGet();
        plain("POST", "/projects/" + PROJECT + "/packages",
                "{\"name\":\"" + pkg + "\",\"bundle\":\"aws-vpc\",\"resourceType\":\"aws-vpc\"}");
        Map<String, Object> body = body("package", pkg, "name", name, "attributes", attributes);
        Expected expected = new Expected().text("name", name, HostileText.NAME).attributes(attributes)
                .reason(reason);

        Written written = write("POST", "/environments/" + BASE + "/resources", body, reason, expected);
        if (written.kept()) {
            assertResourceKept(written, name, attributes, reason);
        }
    }

    @Property(tries = 80, edgeCases = EdgeCasesMode.FIRST)
    void anImportedResourceKeepsItsNameAndAttributes(@ForAll("names") String name,
                                                     @ForAll("attributes") Map<String, Object> attributes,
                                                     @ForAll("reasons") String reason) throws Exception {
        Map<String, Object> body = body("type", "postgresql", "name", name, "attributes", attributes);
        Expected expected = new Expected().text("name", name, HostileText.NAME).attributes(attributes)
                .reason(reason);

        Written written = write("POST", "/projects/" + PROJECT + "/resources", body, reason, expected);
        if (written.kept()) {
            assertResourceKept(written, name, attributes, reason);
        }
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.FIRST)
    void aReconfigurationKeepsItsAttributes(@ForAll("attributes") Map<String, Object> patch,
                                            @ForAll("reasons") String reason) throws Exception {
        String resource = plain("POST", "/projects/" + PROJECT + "/resources",
                "{\"type\":\"postgresql\",\"name\":\"db\",\"attributes\":{\"base\":\"x\"}}").body().path("id").asText();
        Map<String, Object> merged = new LinkedHashMap<>(Map.of("base", "x"));
        merged.putAll(patch);
        boolean changes = !merged.equals(Map.of("base", "x"));
        Expected expected = new Expected().attributes(patch).reason(reason);

        Written written = write("PATCH", "/resources/" + resource, body("attributes", patch), reason,
                expected.recording(changes));
        if (written.kept()) {
            assertSameJson(written.answer().body().path("attributes"), merged);
            if (changes) {
                JsonNode event = awaitAuditEntry("resource=" + resource, written, reason).path("data");
                assertSameJson(event.path("attributes"), merged);
            }
            await("reconfigured attributes of " + resource).atMost(VISIBLE).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertSameJson(query("/resources/" + resource).body().path("attributes"),
                            merged));
        }
    }

    @Property(tries = 80, edgeCases = EdgeCasesMode.FIRST)
    void aWriteWithoutTextInItsBodyKeepsItsReason(@ForAll("bodilessWrites") String kind,
                                                  @ForAll("reasonsAtTheirLimits") String reason)
            throws Exception {
        Expected expected = new Expected().reason(reason);
        switch (kind) {
            case "share or revoke" -> {
                String path = "/resources/" + sharedResource + "/shares/" + RECEIVER;
                Written written = write(shared ? "DELETE" : "PUT", path, null, reason, expected);
                if (written.kept()) {
                    shared = !shared;
                    awaitAuditEntry("resource=" + sharedResource, written, reason);
                }
            }
            case "teardown" -> {
                String abbreviation = "t" + counter.incrementAndGet();
                plain("POST", "/projects/" + PROJECT + "/environments",
                        "{\"name\":\"Teardown\",\"abbreviation\":\"" + abbreviation + "\"}");
                String environment = PROJECT + "-" + abbreviation;
                Written written = write("DELETE", "/environments/" + environment, null, reason, expected);
                if (written.kept()) {
                    awaitAuditEntry("environment=" + environment, written, reason);
                }
            }
            default -> {
                Instant before = Instant.now();
                Written written = write("PUT", "/resource-types/t" + counter.incrementAndGet(),
                        body("defaultable", true), reason, expected);
                if (written.kept()) {
                    awaitAuditEntry("type=ResourceTypeConfigured&from=" + before.minusSeconds(5), written, reason);
                }
            }
        }
    }

    @Property(tries = 40, edgeCases = EdgeCasesMode.FIRST)
    void aPackageNameIsAnAbbreviationOrRefused(@ForAll("names") String name, @ForAll("reasons") String reason)
            throws Exception {
        boolean abbreviation = ABBREVIATION.matcher(name).matches();
        Expected expected = new Expected()
                .field("name", abbreviation ? Fate.KEPT : Fate.REFUSED, HostileText.unkeepable(name, HostileText.NAME))
                .reason(reason);
        if (abbreviation && packages.contains(name)) {
            return; // taken: a 409 that says nothing about text
        }
        Instant before = Instant.now();
        Written written = write("POST", "/projects/" + PROJECT + "/packages",
                body("name", name, "bundle", "aws-vpc", "resourceType", "aws-vpc"), reason, expected);
        if (written.kept()) {
            packages.add(name);
            JsonNode event = awaitAuditEntry("type=PackageAdded&from=" + before.minusSeconds(5), written, reason);
            assertThat(event.path("data").toString()).contains("\"" + name + "\"");
        }
    }

    /**
     * The export of the whole audit log parses line by line to its end, and holds each write the property just run
     * acknowledged, with its reason.
     */
    @AfterProperty
    void theAuditLogsExportParsesToTheEndAndHoldsEveryReason() {
        Map<String, Optional<String>> expected = Map.copyOf(acknowledged);
        acknowledged.clear();
        await("every acknowledged write in the export").atMost(VISIBLE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    Map<String, List<JsonNode>> byCorrelation = new LinkedHashMap<>();
                    for (JsonNode line : parsedExport()) {
                        byCorrelation.computeIfAbsent(line.path("clientReference").asText(), id -> new ArrayList<>())
                                .add(line);
                    }
                    expected.forEach((correlationId, reason) -> {
                        assertThat(byCorrelation).as("acknowledged write %s in the export", correlationId)
                                .containsKey(correlationId);
                        byCorrelation.get(correlationId).forEach(line ->
                                assertThat(reasonOf(line)).as("reason of %s", line).isEqualTo(reason));
                    });
                });
    }

    /**
     * Every entry of the export, each one JSON object with a data object, positions ascending, each event once, and
     * then the trailer that says the export is whole: as many entries as it counts, up to the last position.
     */
    private static List<JsonNode> parsedExport() throws IOException, InterruptedException {
        List<JsonNode> all = queries.as(ADMIN).ndjson("/audit");
        assertThat(all).as("the export ends with its trailer").isNotEmpty();
        JsonNode trailer = all.get(all.size() - 1).path("trailer");
        assertThat(trailer.isObject()).as("the last line is the trailer: %s", all.get(all.size() - 1)).isTrue();
        List<JsonNode> lines = all.subList(0, all.size() - 1);
        assertThat(trailer.path("count").asLong()).isEqualTo(lines.size());
        assertThat(trailer.path("lastPosition").asLong())
                .isEqualTo(lines.isEmpty() ? 0 : lines.get(lines.size() - 1).path("position").asLong());
        Set<String> eventIds = new HashSet<>();
        long previous = 0;
        for (JsonNode line : lines) {
            assertThat(line.path("position").asLong()).as("positions ascend: %s", line).isGreaterThan(previous);
            previous = line.path("position").asLong();
            assertThat(eventIds.add(line.path("eventId").asText())).as("each event once: %s", line).isTrue();
            assertThat(line.path("data").isObject()).as("data of %s", line).isTrue();
        }
        return lines;
    }

    private void assertResourceKept(Written written, String name, Map<String, Object> attributes, String reason)
            throws Exception {
        JsonNode answered = written.answer().body();
        assertThat(answered.path("name").asText()).isEqualTo(name);
        assertSameJson(answered.path("attributes"), attributes);
        String id = answered.path("id").asText();
        JsonNode event = awaitAuditEntry("resource=" + id, written, reason).path("data");
        assertThat(event.path("name").asText()).isEqualTo(name);
        assertSameJson(event.path("attributes"), attributes);
        JsonNode resource = awaitFound("/resources/" + id);
        assertThat(resource.path("name").asText()).isEqualTo(name);
        assertSameJson(resource.path("attributes"), attributes);
    }

    /** What the contract says of each field of one write, and whether it records an event when it succeeds. */
    static final class Expected {

        private final Map<String, Fate> fates = new LinkedHashMap<>();
        /** Body fields whose characters break the rule: all of them are named at once, before anything else. */
        private final Set<String> unkeepable = new TreeSet<>();
        private boolean records = true;

        Expected text(String field, String text, Kind kind) {
            return field(field, fate(text, kind), HostileText.unkeepable(text, kind));
        }

        Expected field(String field, Fate fate, boolean unkeepableCharacters) {
            fates.merge(field, fate, Fate::and);
            if (unkeepableCharacters) {
                unkeepable.add(field);
            }
            return this;
        }

        /** A map's key that breaks the rule is named by the map, a value by its key (unless the key is named). */
        Expected labels(Map<String, String> labels) {
            labels.forEach((key, value) -> {
                text("labels", key, HostileText.LABEL_KEY);
                text(HostileText.unkeepable(key, HostileText.LABEL_KEY) ? "labels" : "labels." + key, value,
                        HostileText.LABEL_VALUE);
            });
            return this;
        }

        Expected attributes(Map<String, Object> attributes) {
            attributes.forEach((key, value) -> {
                field("attributes", HostileText.attributeKeyFate(key),
                        HostileText.unkeepable(key, HostileText.ATTRIBUTE_KEY));
                String field = HostileText.unkeepable(key, HostileText.ATTRIBUTE_KEY) ? "attributes"
                        : "attributes." + key;
                field(field, HostileText.attributeValueFate(value),
                        value instanceof String text && HostileText.unkeepable(text, HostileText.ATTRIBUTE_VALUE));
            });
            return this;
        }

        Expected reason(String reason) {
            if (reason != null) {
                fates.merge("X-Reason", fate(reason, HostileText.REASON), Fate::and);
            }
            return this;
        }

        Expected recording(boolean records) {
            this.records = records;
            return this;
        }

        Fate overall() {
            return fates.values().stream().max(Comparator.naturalOrder()).orElse(Fate.KEPT);
        }

        /** Whether a field the answer names is one of those the contract lets be refused. */
        boolean mayBeNamed(String reported) {
            return fates.entrySet().stream().filter(entry -> entry.getValue() != Fate.KEPT)
                    .anyMatch(entry -> names(reported, entry.getKey()));
        }

        /**
         * {@code labels.tier} as this rule names a value, {@code labels} or {@code labels[tier]} as bean validation
         * names a map's entries.
         */
        private static boolean names(String reported, String field) {
            String map = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
            return reported.equals(field) || field.startsWith(reported + ".") || reported.startsWith(map + "[")
                    || reported.startsWith(map + "<");
        }

        @Override
        public String toString() {
            return fates + (unkeepable.isEmpty() ? "" : ", unkeepable " + unkeepable);
        }
    }

    /** @param kept whether the write succeeded; when it did, its correlation id is the one to look for */
    record Written(Answer answer, String correlationId, boolean kept) {
    }

    /**
     * Sends the write with a correlation id and the reason percent-encoded, and judges its answer: a success the
     * contract allows, or a 400 problem naming only fields the contract lets be refused (every body field whose
     * characters break the rule among them), after which nothing was recorded.
     */
    private static Written write(String method, String path, Map<String, Object> body, String reason,
                                 Expected expected) throws Exception {
        String correlationId = UUID.randomUUID().toString();
        String json = body == null ? null : json(body);
        Instant before = Instant.now();
        // the correlation id is the client's own reference, which the audit log keeps beside the service's id
        Answer answer = commands.as(ADMIN).withCorrelationId(correlationId).withReason(reason).send(method, path, json);
        String request = method + " " + path + " " + json + " X-Reason: "
                + (reason == null ? null : Api.percentEncoded(reason))
                + " expected " + expected + " answered " + answer.status() + " " + answer.body();
        assertThat(answer.status()).as(request).isLessThan(500);
        if (answer.status() >= 200 && answer.status() < 300) {
            assertThat(expected.overall()).as("accepted what the contract refuses: " + request)
                    .isNotEqualTo(Fate.REFUSED);
            if (expected.records) {
                acknowledged.put(correlationId, recordedReason(reason));
            } else {
                assertNothingRecorded(correlationId, before);
            }
            return new Written(answer, correlationId, true);
        }
        assertThat(answer.status()).as(request).isEqualTo(400);
        assertThat(answer.contentType()).as(request).startsWith("application/problem+json");
        assertThat(expected.overall()).as("refused what the contract keeps: " + request).isNotEqualTo(Fate.KEPT);
        Set<String> reported = new TreeSet<>();
        answer.body().path("errors").forEach(error -> reported.add(error.path("field").asText()));
        assertThat(reported).as("fields named: " + request).isNotEmpty()
                .allSatisfy(field -> assertThat(expected.mayBeNamed(field)).as(field + " in " + request).isTrue());
        Set<String> maps = new TreeSet<>(expected.unkeepable);
        maps.retainAll(Set.of("attributes", "labels"));
        if (!maps.isEmpty()) {
            // a key the service cannot keep (an unpaired surrogate escaped in it) stops the reading of the body
            // there: the map is named, and what was read before it may be named too
            assertThat(reported).as("the map whose key cannot be kept, named: " + request).containsAll(maps);
            assertThat(expected.unkeepable).as("fields named: " + request).containsAll(reported);
        } else if (!expected.unkeepable.isEmpty()) {
            assertThat(reported).as("each field the service cannot keep, named at once: " + request)
                    .isEqualTo(expected.unkeepable);
        }
        assertThat(answer.body().toString()).as("a problem never repeats the text: " + request)
                .doesNotContain("\\ud8", "\\ud9", "\\uda", "\\udb", "\\udc", "\\udd", "\\ude", "\\udf");
        assertNothingRecorded(correlationId, before);
        return new Written(answer, correlationId, false);
    }

    /**
     * Nothing of the request reached the audit log: a marker written after it is there, and no entry since the
     * request carries its correlation id. The query side applies an organization's events in order, so what the
     * request had recorded would show before the marker.
     */
    private static void assertNothingRecorded(String correlationId, Instant before) throws Exception {
        Written marker = write("PUT", "/resource-types/marker" + counter.incrementAndGet(),
                body("defaultable", true), null, new Expected());
        String since = "/audit?limit=1000&from=" + before.minusSeconds(5);
        JsonNode entries = await("the marker in the audit log").atMost(VISIBLE).pollInterval(Duration.ofMillis(50))
                .until(() -> query(since).body().path("entries"), found -> entry(found, marker.correlationId())
                        .isPresent());
        assertThat(entry(entries, correlationId)).as("an entry of the refused request " + correlationId).isEmpty();
    }

    private static JsonNode awaitAuditEntry(String filter, Written written, String reason) {
        JsonNode entry = await("the audit entry of " + written.correlationId()).atMost(VISIBLE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> entry(query("/audit?limit=1000&" + filter).body().path("entries"),
                        written.correlationId()), Optional::isPresent)
                .orElseThrow();
        assertThat(reasonOf(entry)).as("the reason of " + entry).isEqualTo(recordedReason(reason));
        return entry;
    }

    private static JsonNode awaitFound(String path) {
        return await(path + " on the query side").atMost(VISIBLE).pollInterval(Duration.ofMillis(50))
                .until(() -> query(path), answer -> answer.status() == 200).body();
    }

    private static Answer query(String path) throws IOException, InterruptedException {
        Answer answer = queries.as(ADMIN).get(path);
        assertThat(answer.status()).as("GET " + path + " answered " + answer.body()).isLessThan(500);
        return answer;
    }

    private static Optional<JsonNode> entry(JsonNode entries, String correlationId) {
        for (JsonNode entry : entries) {
            if (correlationId.equals(entry.path("clientReference").asText())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> environmentOf(JsonNode project, String id) {
        for (JsonNode environment : project.path("environments")) {
            if (id.equals(environment.path("id").asText())) {
                return Optional.of(environment);
            }
        }
        return Optional.empty();
    }

    /** No header, or an empty one, records no reason; any other is recorded as it was given. */
    private static Optional<String> recordedReason(String reason) {
        return reason == null || reason.isEmpty() ? Optional.empty() : Optional.of(reason);
    }

    private static Optional<String> reasonOf(JsonNode entry) {
        JsonNode reason = entry.path("reason");
        return reason.isNull() || reason.isMissingNode() ? Optional.empty() : Optional.of(reason.asText());
    }

    /** Equal as JSON, numbers by their value: {@code 1e300} may come back as {@code 1.0E300}. */
    private static void assertSameJson(JsonNode actual, Map<String, Object> expected) {
        JsonNode wanted = JSON.valueToTree(expected);
        assertThat(actual.equals((a, b) -> a.isNumber() && b.isNumber()
                ? Double.compare(a.doubleValue(), b.doubleValue()) : a.equals(b) ? 0 : 1, wanted))
                .as("%s is %s", actual, wanted).isTrue();
    }

    private static Answer plain(String method, String path, String json) throws Exception {
        Answer answer = commands.as(ADMIN).send(method, path, json);
        assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isBetween(200, 299);
        return answer;
    }

    private static String json(Map<String, Object> body) throws JsonProcessingException {
        return HostileText.escapeLoneSurrogates(JSON.writeValueAsString(body));
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
