package io.infrashare.support;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import java.util.Map;
import java.util.Set;

/**
 * The ids in paths, described once for both services: they are named alike everywhere (docs/http-api.md). A
 * resource's id is a UUID, also where the controller reads it as text to refuse other shapes with its own problem.
 */
class PathParameters implements OperationCustomizer {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "project", "A project's id, its abbreviation (si).",
            "environment", "An environment's id, <project>-<environment> (si-staging).",
            "resource", "A resource's id, a UUID.",
            "id", "A resource's id, a UUID.",
            "type", "A resource type (aws-vpc).",
            "package", "A package's name, unique in its project (vpc).");
    private static final Set<String> UUIDS = Set.of("resource", "id");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(parameter -> "path".equals(parameter.getIn()) && parameter.getDescription() == null)
                    .forEach(parameter -> {
                        parameter.setDescription(DESCRIPTIONS.get(parameter.getName()));
                        if (UUIDS.contains(parameter.getName())) {
                            // a schema of its own: springdoc may hand every text parameter the same instance
                            parameter.setSchema(new StringSchema().format("uuid"));
                        }
                    });
        }
        return operation;
    }
}
