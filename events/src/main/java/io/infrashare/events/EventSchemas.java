package io.infrashare.events;

import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the JSON Schema of each event type and revision is. A schema's {@code $id}, and the CloudEvents
 * {@code dataschema} of every record whose value conforms to it, is {@code https://infrashare.io/schemas/<type>/v<n>.json};
 * the same schema ships in this jar as {@code infrashare/schemas/<type>/v<n>.json} and in the repository as
 * {@code events/schemas/<type>/v<n>.json}. Released revisions never change; a change a consumer would notice is a new
 * revision, and where it would break one, {@link Upcasters} turn the old revision into the new.
 */
public final class EventSchemas {

    public static final String BASE = "https://infrashare.io/schemas/";
    /** The revision of a record that names no schema: everything published before schemas were named. */
    public static final int FIRST_REVISION = 1;

    private static final Pattern DATASCHEMA = Pattern.compile(Pattern.quote(BASE) + "([A-Za-z]+)/v([1-9][0-9]*)\\.json");

    /** The revision every event type is written in today: 2 added the actor's identity and the client's reference. */
    private static final int WRITTEN_REVISION = 2;
    /** The revision each event type is written in today. */
    private static final Map<String, Integer> CURRENT = EventTypes.all().keySet().stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), type -> WRITTEN_REVISION));
    /** Its schema, named once per type rather than for every record. */
    private static final Map<String, URI> CURRENT_DATASCHEMA = CURRENT.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    entry -> dataschema(entry.getKey(), entry.getValue())));

    private EventSchemas() {
    }

    /** The revision the command side writes {@code type} in. */
    public static int currentRevision(String type) {
        Integer revision = CURRENT.get(type);
        if (revision == null) {
            throw new IllegalArgumentException("Not an event type of the contract: " + type);
        }
        return revision;
    }

    public static URI dataschema(String type, int revision) {
        return URI.create(BASE + type + "/v" + revision + ".json");
    }

    /** The schema of the revision the command side writes {@code type} in. */
    public static URI currentDataschema(String type) {
        URI dataschema = CURRENT_DATASCHEMA.get(type);
        if (dataschema == null) {
            throw new IllegalArgumentException("Not an event type of the contract: " + type);
        }
        return dataschema;
    }

    /** The path of a schema inside this jar. */
    public static String resource(String type, int revision) {
        return "infrashare/schemas/" + type + "/v" + revision + ".json";
    }

    /** The schema document itself, from this jar, or empty for a revision this jar does not know. */
    public static Optional<InputStream> open(String type, int revision) {
        return Optional.ofNullable(EventSchemas.class.getClassLoader().getResourceAsStream(resource(type, revision)));
    }

    /** The type and revision a {@code dataschema} names, or empty if it is not one of this contract's. */
    public static Optional<Revision> parse(String dataschema) {
        if (dataschema == null) {
            return Optional.empty();
        }
        Matcher matcher = DATASCHEMA.matcher(dataschema);
        return matcher.matches()
                ? Optional.of(new Revision(matcher.group(1), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    /** One revision of one event type's schema. */
    public record Revision(String type, int number) {
    }
}
