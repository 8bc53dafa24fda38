package io.infrashare.query;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What every query has in the OpenAPI document: the instants it takes as parameters ({@code at}, {@code from},
 * {@code to}) typed as such, {@code X-Projection-Position} on the views' answers, and what OpenAPI 3.0 cannot say
 * with annotations.
 */
@Configuration
class QueryDocumentation {

    private static final Map<String, String> INSTANTS = Map.of(
            "at", "Answer as it was at this instant (ISO-8601 with an offset, such as 2026-11-23T10:15:30.123456Z): "
                    + "inclusive, compared to the microsecond.",
            "from", "Only entries that occurred at or after this instant (ISO-8601 with an offset).",
            "to", "Only entries that occurred at or before this instant (ISO-8601 with an offset).");

    @Bean
    OperationCustomizer queryParameters() {
        return (operation, handler) -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(parameter -> "query".equals(parameter.getIn()))
                        .filter(parameter -> INSTANTS.containsKey(parameter.getName()))
                        // the log's from and to are indexes, which their operations describe
                        .filter(parameter -> parameter.getDescription() == null)
                        .forEach(QueryDocumentation::instant);
            }
            // the views; the rebuild's answer names no single organization's position, and the log's answers under
            // /audit/ stand on the sizes of its signed checkpoints, not on the read models' position
            GetMapping view = handler.getMethodAnnotation(GetMapping.class);
            boolean positioned = view != null && Arrays.stream(view.value()).noneMatch(path -> path.startsWith("/audit/"));
            operation.getResponses().forEach((status, response) -> {
                if (positioned && status.startsWith("2")) {
                    response.addHeaderObject(Positioned.HEADER, new Header()
                            .description("The position of the organization's history the answer reflects.")
                            .schema(new IntegerSchema().format("int64")));
                }
            });
            return operation;
        };
    }

    /**
     * Properties that refer to another schema and may be null, which OpenAPI 3.0 says only through {@code allOf}: an
     * audit entry's {@code notApplied}, null when the read models applied the event, and a package resolution's
     * {@code resource}, null when no source holds one.
     */
    @Bean
    OpenApiCustomizer nullableReferences() {
        return openApi -> {
            nullable(openApi.getComponents().getSchemas().get("AuditEntry"), "notApplied",
                    "Why the read models did not apply the event; null when they did (applied).");
            nullable(openApi.getComponents().getSchemas().get("PackageResolution"), "resource",
                    "The resource of the winning source; null when the source is none.");
        };
    }

    private static void nullable(Schema<?> schema, String property, String description) {
        String reference = schema.getProperties().get(property).get$ref();
        schema.addProperty(property, new Schema<>().nullable(true)
                .allOf(List.of(new Schema<>().$ref(reference)))
                .description(description));
    }

    private static void instant(Parameter parameter) {
        parameter.description(INSTANTS.get(parameter.getName())).schema(new StringSchema().format("date-time"));
    }
}
