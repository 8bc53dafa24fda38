package io.infrashare.command.project;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Every command handler method of a controller gets its {@link Requester} from the request. */
@Configuration
class RequesterConfiguration implements WebMvcConfigurer {

    static {
        // the requester comes from the bearer token and X-Reason, not from parameters of the operation
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Requester.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequesterResolver());
    }
}
