package io.infrashare.command.dryrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.support.ServiceSupportAutoConfiguration;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

/** The {@code dryRun} parameter of every command: where it is read, and how the OpenAPI document shows it. */
@Configuration
class DryRunConfiguration {

    private static final String SCHEMA = "#/components/schemas/DryRun";

    /** After the rate limit, which counts dry runs as writes, and before the idempotency key is looked at. */
    @Bean
    FilterRegistrationBean<DryRunFilter> dryRunFilter(ObjectMapper json) {
        FilterRegistrationBean<DryRunFilter> registration = new FilterRegistrationBean<>(new DryRunFilter(json));
        registration.setOrder(ServiceSupportAutoConfiguration.BODY_LIMIT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Every command takes {@code dryRun} and answers an accepted dry run with a 200 {@code DryRun}, in its own media
     * type. A command whose success is a 200 lists it beside its real answer; a creation, whose success is a 201,
     * under {@code 2XX}: a 200 of its own would be taken by client generators for the creation's answer (they pick
     * the lowest success status), and the explicit 201 keeps its own meaning beside the range.
     */
    @Bean
    OperationCustomizer dryRunParameter() {
        return (operation, handler) -> {
            if (operation.getTags() != null && operation.getTags().contains("administration")) {
                return operation; // the operator's operations are no commands
            }
            List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                    : new ArrayList<>(operation.getParameters());
            int afterThePath = (int) parameters.stream().takeWhile(parameter -> "path".equals(parameter.getIn()))
                    .count();
            parameters.add(afterThePath, new QueryParameter().name(DryRun.PARAMETER).required(false)
                    .description("true: run every check of the command against the current state and record "
                            + "nothing (no event, no Idempotency-Key taken or replayed, nothing published or in "
                            + "the audit log). A refusal is the real command's; an acceptance is a 200 DryRun ("
                            + DryRun.MEDIA_TYPE + ") listing what it would record. false or absent: the command "
                            + "itself. Any other value is a 400.")
                    .schema(new BooleanSchema()));
            operation.setParameters(parameters);
            MediaType dryRun = new MediaType().schema(new Schema<>().$ref(SCHEMA));
            ApiResponse ok = operation.getResponses().get("200");
            if (ok != null && ok.getContent() != null) {
                ok.getContent().addMediaType(DryRun.MEDIA_TYPE, dryRun);
            } else {
                operation.getResponses().addApiResponse("2XX", new ApiResponse()
                        .description("With dryRun=true, a 200: what the command would record.")
                        .content(new Content().addMediaType(DryRun.MEDIA_TYPE, dryRun)));
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer dryRunSchemas() {
        return openApi -> ModelConverters.getInstance().readAll(DryRunBody.class)
                .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
    }
}
