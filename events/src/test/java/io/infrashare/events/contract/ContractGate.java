package io.infrashare.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.Upcaster;
import io.infrashare.events.Upcasters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build's check of the event contract, over the {@code events} module's directory:
 * <ul>
 *     <li>every schema revision in {@code schemas/<type>/v<n>.json} is released: {@code schemas.sha256} holds its
 *     SHA-256, and a released revision is never changed nor removed;</li>
 *     <li>the revisions of a type are numbered from 1 without gaps, and each names itself in {@code $id};</li>
 *     <li>a step from one revision to the next that would break a reader of the old data (see
 *     {@link SchemaCompatibility}) has an {@link Upcaster}, and that upcaster is tested on JSON fixtures of the old
 *     revision in {@code src/test/resources/upcasting/<type>/v<n>/}: each fixture is valid in the old revision and,
 *     upcast, in the new.</li>
 * </ul>
 */
public final class ContractGate {

    public static final String LOCK = "schemas.sha256";
    private static final Pattern REVISION_FILE = Pattern.compile("v([1-9][0-9]*)\\.json");
    private static final Pattern LOCK_LINE = Pattern.compile("([0-9a-f]{64}) [ *](\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path schemas;
    private final Path lock;
    private final Path fixtures;
    private final Upcasters upcasters;

    public ContractGate(Path eventsModule, Upcasters upcasters) {
        this.schemas = eventsModule.resolve("schemas");
        this.lock = eventsModule.resolve(LOCK);
        this.fixtures = eventsModule.resolve("src/test/resources/upcasting");
        this.upcasters = upcasters;
    }

    /** Everything that breaks the contract, one sentence each with what to do; empty if nothing does. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Map<String, String> released = released(problems);
        Map<String, TreeMap<Integer, Path>> revisions = revisions();
        checkReleased(released, problems);
        revisions.forEach((type, byNumber) -> checkType(type, byNumber, released, problems));
        return problems;
    }

    private void checkReleased(Map<String, String> released, List<String> problems) {
        released.forEach((file, hash) -> {
            Path path = schemas.resolve(file);
            if (!Files.isRegularFile(path)) {
                problems.add("schemas/" + file + " was released and is gone: released revisions are kept for good, "
                        + "since records on the topic and in the event store still conform to it");
            } else if (!sha256(path).equals(hash)) {
                problems.add("schemas/" + file + " changed after it was released: restore it and describe the change "
                        + "as the next revision of the type (with an upcaster if it breaks a reader)");
            }
        });
    }

    private void checkType(String type, TreeMap<Integer, Path> byNumber, Map<String, String> released,
                           List<String> problems) {
        if (byNumber.firstKey() != 1 || byNumber.lastKey() != byNumber.size()) {
            problems.add(type + " has revisions " + byNumber.keySet() + ": they are numbered 1, 2, 3... without gaps");
            return;
        }
        Map<Integer, JsonNode> documents = new LinkedHashMap<>();
        byNumber.forEach((number, path) -> {
            String file = type + "/" + path.getFileName();
            if (!released.containsKey(file)) {
                problems.add("schemas/" + file + " is not released: add the line '" + sha256(path) + "  " + file
                        + "' to " + LOCK + " (it may not change after that)");
            }
            JsonNode document = read(path);
            String id = EventSchemas.dataschema(type, number).toString();
            if (!id.equals(document.path("$id").asText())) {
                problems.add("schemas/" + file + " has $id '" + document.path("$id").asText() + "', not '" + id + "'");
            }
            if (!"https://json-schema.org/draft/2020-12/schema".equals(document.path("$schema").asText())) {
                problems.add("schemas/" + file + " is not a JSON Schema draft 2020-12 ($schema)");
            }
            documents.put(number, document);
        });
        for (int number = 1; number < byNumber.size(); number++) {
            checkStep(type, number, documents.get(number), documents.get(number + 1), problems);
        }
    }

    private void checkStep(String type, int from, JsonNode older, JsonNode newer, List<String> problems) {
        List<String> breaking = SchemaCompatibility.breakingChanges(older, newer);
        Optional<Upcaster> upcaster = upcasters.step(type, from);
        String step = type + " v" + from + " -> v" + (from + 1);
        if (upcaster.isEmpty()) {
            if (!breaking.isEmpty()) {
                problems.add(step + " breaks readers of v" + from + " (" + String.join("; ", breaking)
                        + "): add an Upcaster for it to Upcasters, with JSON fixtures of v" + from + " in "
                        + "src/test/resources/upcasting/" + type + "/v" + from + "/");
            }
            return;
        }
        List<Path> examples = fixtures(type, from);
        if (examples.isEmpty()) {
            problems.add(step + " has an upcaster but no JSON fixtures of v" + from + " in src/test/resources/upcasting/"
                    + type + "/v" + from + "/");
        }
        for (Path fixture : examples) {
            JsonNode data = read(fixture);
            String name = fixtures.relativize(fixture).toString();
            List<String> before = EventValidator.problems(older, data);
            if (!before.isEmpty()) {
                problems.add("fixture " + name + " is not a valid v" + from + ": " + before);
                continue;
            }
            if (!(data instanceof ObjectNode object)) {
                continue;
            }
            List<String> after = EventValidator.problems(newer, upcaster.get().upcast(object.deepCopy()));
            if (!after.isEmpty()) {
                problems.add("fixture " + name + ", upcast by " + step + ", is not a valid v" + (from + 1) + ": "
                        + after);
            }
        }
    }

    private Map<String, String> released(List<String> problems) {
        Map<String, String> released = new TreeMap<>();
        if (!Files.isRegularFile(lock)) {
            problems.add(LOCK + " is missing: it lists the SHA-256 of every released schema revision");
            return released;
        }
        for (String line : lines(lock)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LOCK_LINE.matcher(line.strip());
            if (matcher.matches()) {
                released.put(matcher.group(2), matcher.group(1));
            } else {
                problems.add(LOCK + " has a line that is not '<sha256>  <type>/v<n>.json': " + line);
            }
        }
        return released;
    }

    private Map<String, TreeMap<Integer, Path>> revisions() {
        Map<String, TreeMap<Integer, Path>> revisions = new TreeMap<>();
        try (Stream<Path> files = Files.list(schemas)) {
            files.filter(Files::isDirectory).forEach(directory -> {
                TreeMap<Integer, Path> byNumber = new TreeMap<>();
                try (Stream<Path> revisionFiles = Files.list(directory)) {
                    revisionFiles.forEach(file -> {
                        Matcher matcher = REVISION_FILE.matcher(file.getFileName().toString());
                        if (matcher.matches()) {
                            byNumber.put(Integer.parseInt(matcher.group(1)), file);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!byNumber.isEmpty()) {
                    revisions.put(directory.getFileName().toString(), byNumber);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return revisions;
    }

    private List<Path> fixtures(String type, int revision) {
        Path directory = fixtures.resolve(type).resolve("v" + revision);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + file, e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
