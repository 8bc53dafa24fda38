package io.infrashare.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.InfrashareEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Long histories for replay benchmarks: organizations that each repeat the story of
 * {@link AcmeStory#everyKindOfEvent()} with projects and resources of their own per round, interleaved
 * round-robin as partitions deliver them, so every event type is applied and the read models grow as they would.
 */
public final class Histories {

    private Histories() {
    }

    /**
     * Tells {@code events} events of {@code organizations} organizations named {@code <prefix><n>}, each with an id
     * of its own, to {@code listener}, oldest first.
     */
    public static void tell(int events, int organizations, String prefix, ObjectMapper json,
                            BiConsumer<String, InfrashareEvent> listener) {
        List<String> story = new ArrayList<>();
        List<Class<? extends InfrashareEvent>> types = new ArrayList<>();
        try {
            for (InfrashareEvent event : AcmeStory.everyKindOfEvent()) {
                story.add(json.writeValueAsString(event));
                types.add(event.getClass());
            }
            int told = 0;
            for (int round = 0; told < events; round++) {
                for (int organization = 0; organization < organizations && told < events; organization++) {
                    for (int i = 0; i < story.size() && told < events; i++, told++) {
                        String event = retell(story.get(i), prefix + organization, round);
                        listener.accept(prefix + organization + "-" + round + "-" + i,
                                json.readValue(event, types.get(i)));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The story cannot be told as JSON", e);
        }
    }

    /** The story's JSON with the organization, its projects, environments and resources renamed for one round. */
    private static String retell(String event, String organization, int round) {
        return event
                .replace("\"acme\"", "\"" + organization + "\"")
                .replace("\"si\"", "\"s" + round + "\"")
                .replace("\"si-", "\"s" + round + "-")
                .replace("\"ecomm\"", "\"e" + round + "\"")
                .replace("\"ecomm-", "\"e" + round + "-")
                .replace(AcmeStory.US_VPC.toString(), resource(organization, round, 1))
                .replace(AcmeStory.EU_VPC.toString(), resource(organization, round, 2))
                .replace(AcmeStory.DEPLOYER_ROLE.toString(), resource(organization, round, 3));
    }

    private static String resource(String organization, int round, int which) {
        return String.format("%08x-%04x-4000-8000-%012x", round, organization.hashCode() & 0xffff, which);
    }
}
