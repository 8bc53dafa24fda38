package io.infrashare.command.receipt;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Every answer of a command names the events it recorded, as a list of {@link RecordedEvent}: the OpenAPI document
 * says what that list is once, for all of them.
 */
@Configuration
class ReceiptDocumentation {

    private static final String RECORDED_EVENT = "#/components/schemas/RecordedEvent";
    private static final String EVENTS = "The events the command recorded, in the order they were stored; none when it "
            + "changed nothing. A repeat with the same Idempotency-Key answers the same ids and records nothing.";

    @Bean
    OpenApiCustomizer recordedEvents() {
        return openApi -> openApi.getComponents().getSchemas().values().forEach(schema -> {
            Map<String, Schema> properties = schema.getProperties();
            Schema<?> events = properties == null ? null : properties.get("events");
            if (events != null && events.getItems() != null && RECORDED_EVENT.equals(events.getItems().get$ref())) {
                events.setDescription(EVENTS);
            }
        });
    }
}
