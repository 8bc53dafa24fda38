package io.infrashare.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.support.ServiceSupportAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class IdempotencyConfiguration {

    /**
     * After authentication and the body limit: keys are the caller's, and the body is read under the limit; and
     * after {@code ?dryRun=} is read, since a dry run takes no key.
     */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, json));
        registration.setOrder(ServiceSupportAutoConfiguration.BODY_LIMIT_FILTER_ORDER + 2);
        return registration;
    }
}
