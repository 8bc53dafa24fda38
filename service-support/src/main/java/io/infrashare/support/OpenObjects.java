package io.infrashare.support;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.Map;

/**
 * Maps of any values ({@code Map<String, Object>}: a resource's attributes) are open objects in the OpenAPI document:
 * any JSON value under each key. Left alone, an OpenAPI 3.0 document would say that each value is an object, and
 * a client generated from it would refuse the strings, numbers and booleans that are served.
 */
class OpenObjects implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().getSchemas().values().forEach(schema -> {
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) {
                properties.values().stream().filter(OpenObjects::anyValues)
                        .forEach(property -> property.setAdditionalProperties(true));
            }
        });
    }

    /** An object whose values are objects of nothing in particular: Java's {@code Object}. */
    private static boolean anyValues(Schema<?> property) {
        return property.getAdditionalProperties() instanceof Schema<?> values
                && "object".equals(values.getType()) && values.getProperties() == null && values.get$ref() == null;
    }
}
