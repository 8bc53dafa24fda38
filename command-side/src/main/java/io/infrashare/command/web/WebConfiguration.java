package io.infrashare.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.command.CommandProperties;
import io.infrashare.support.ProblemDocumentation;
import io.infrashare.support.ServiceSupportAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import java.util.Map;
import java.util.stream.Stream;

@Configuration
@EnableConfigurationProperties(RateLimitProperties.class)
class WebConfiguration {

    /** After security, which names the principal, and before the idempotency key is taken. */
    @Bean
    FilterRegistrationBean<WriteRateLimit> writeRateLimit(RateLimitProperties limit, ObjectMapper json,
                                                          MeterRegistry meters) {
        FilterRegistrationBean<WriteRateLimit> registration =
                new FilterRegistrationBean<>(new WriteRateLimit(limit, json, meters));
        registration.setOrder(ServiceSupportAutoConfiguration.BODY_LIMIT_FILTER_ORDER);
        return registration;
    }

    /** After the idempotency filter, so that a replay does not wait for a turn it does not need. */
    @Bean
    FilterRegistrationBean<CommandAdmission> commandAdmission(CommandProperties commands, ObjectMapper json,
                                                              MeterRegistry meters) {
        FilterRegistrationBean<CommandAdmission> registration = new FilterRegistrationBean<>(
                new CommandAdmission(commands.concurrentCommands(), commands.timeout(), json, meters));
        registration.setOrder(ServiceSupportAutoConfiguration.BODY_LIMIT_FILTER_ORDER + 3);
        return registration;
    }

    /**
     * What every command has in the OpenAPI document: the headers it reads, and the refusals any write may get
     * besides its own (docs/http-api.md: the limits, idempotency, the rate limit and the store).
     */
    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handler) -> {
            if (operation.getTags() != null && operation.getTags().contains("administration")) {
                return operation; // the operator's operations record no events and take neither header
            }
            operation
                    .addParametersItem(new HeaderParameter().name("X-Reason").required(false)
                            .description("Why, for the audit log: recorded with the events as provenance.reason "
                                    + "(at most 1000 characters; text outside ASCII as percent-encoded UTF-8).")
                            .schema(new StringSchema().maxLength(1000)))
                    .addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                            .description("1 to 200 printable ASCII characters, kept for the caller at least 24 "
                                    + "hours: a repeat of the same request with this key gets the first answer "
                                    + "(with Idempotent-Replayed: true) and records nothing; another request with "
                                    + "it is a 422.")
                            .schema(new StringSchema().minLength(1).maxLength(200)));
            Stream.of(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT, HttpStatus.PAYLOAD_TOO_LARGE,
                            HttpStatus.UNPROCESSABLE_ENTITY, HttpStatus.TOO_MANY_REQUESTS,
                            HttpStatus.SERVICE_UNAVAILABLE)
                    .forEach(status -> ProblemDocumentation.refuse(operation, status));
            if (operation.getRequestBody() != null) {
                ProblemDocumentation.refuse(operation, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            }
            return operation;
        };
    }

    /**
     * {@link Names#NOT_BLANK} is a Java regular expression; the document's patterns are ECMA 262's, in which a
     * value that holds anything but white space is one that matches {@code \S} somewhere.
     */
    @Bean
    OpenApiCustomizer notBlankPatterns() {
        return openApi -> openApi.getComponents().getSchemas().values().forEach(schema -> {
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) {
                properties.values().stream()
                        .filter(property -> Names.NOT_BLANK.equals(property.getPattern()))
                        .forEach(property -> property.setPattern("\\S"));
            }
        });
    }
}
