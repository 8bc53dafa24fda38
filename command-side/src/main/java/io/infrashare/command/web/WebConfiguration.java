package io.infrashare.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.support.ServiceSupportAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    /** The headers every command reads, in the OpenAPI document. */
    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handler) -> operation
                .addParametersItem(new HeaderParameter().name("X-Reason").required(false)
                        .description("Why, for the audit log (at most 1000 characters)")
                        .schema(new StringSchema().maxLength(1000)))
                .addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .description("Repeats with this key get the first answer instead of running again")
                        .schema(new StringSchema().maxLength(200)));
    }
}
