package io.infrashare.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.apache.catalina.core.StandardHost;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stateless bearer-token security for both services: health is public, everything else needs a principal, request
 * bodies are limited in size, and refusals are problems. Under the {@code demo} profile the tokens are the demo
 * principals of docs/http-api.md; under any other, JWTs of the configured issuer, read by {@link JwtPrincipals}.
 */
// before Spring Boot's security: this chain replaces its default ones, the resource server's included
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class})
@Import({RequestProblemHandler.class, ProblemErrorController.class})
@EnableConfigurationProperties({HttpProperties.class, JwtClaimsProperties.class})
public class ServiceSupportAutoConfiguration implements WebMvcConfigurer {

    /**
     * The body limit runs right after Spring Security's filter chain: callers are known, and 401 comes first.
     * Filters that read the body themselves come after it, so that the limit applies to them too.
     */
    private static final String BEARER = "bearer";

    public static final int BODY_LIMIT_FILTER_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    /** A write needs a caller of an organization who is not an auditor. */
    private static final AuthorizationManager<RequestAuthorizationContext> WRITER = AuthorizationManagers.allOf(
            AuthorityAuthorizationManager.hasAuthority(CallerAttributes.MEMBER),
            AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Caller.AUDITOR.toUpperCase(Locale.ROOT))));

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, ObjectMapper json,
                                        ObjectProvider<OpaqueTokenIntrospector> demoPrincipals,
                                        ObjectProvider<JwtDecoder> jwtDecoders,
                                        ObjectProvider<OAuth2ResourceServerProperties> resourceServer,
                                        JwtClaimsProperties claims,
                                        @Value("${infrashare.security.issuer:"
                                                + "${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}")
                                        String issuer) throws Exception {
        boolean demo = demoPrincipals.getIfAvailable() != null;
        OAuth2ResourceServerProperties.Jwt jwtSettings = resourceServer.getIfAvailable(
                OAuth2ResourceServerProperties::new).getJwt();
        if (!demo) {
            requireCompleteJwtValidation(issuer, jwtSettings, jwtDecoders.getIfAvailable() != null);
        }
        ProblemResponses problems = new ProblemResponses(json);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        // the API's description is no secret; trying it out in Swagger UI takes a token
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        // stack-wide: the platform's operator only, never an organization's admin
                        .requestMatchers("/actuator/**", "/admin/**").hasRole(Caller.OPERATOR.toUpperCase(Locale.ROOT))
                        // auditors read everything of their organization and write nothing
                        .requestMatchers(HttpMethod.POST, "/**").access(WRITER)
                        .requestMatchers(HttpMethod.PUT, "/**").access(WRITER)
                        .requestMatchers(HttpMethod.PATCH, "/**").access(WRITER)
                        .requestMatchers(HttpMethod.DELETE, "/**").access(WRITER)
                        .anyRequest().hasAuthority(CallerAttributes.MEMBER))
                .oauth2ResourceServer(server -> {
                    // the demo profile's tokens, or else JWTs verified against the configured issuer
                    if (demo) {
                        server.opaqueToken(token -> { });
                    } else {
                        server.jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new JwtPrincipals(claims, issuer)));
                    }
                    server.authenticationEntryPoint(problems).accessDeniedHandler(problems);
                })
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    /**
     * Outside the demo setup, a token is trusted only for what it says of its issuer and audience: both must be
     * configured, or the service does not start, and says what to set.
     */
    private static void requireCompleteJwtValidation(String issuer, OAuth2ResourceServerProperties.Jwt jwt,
                                                     boolean keys) {
        List<String> missing = new ArrayList<>();
        if (issuer.isBlank()) {
            missing.add("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI (the issuer every token must name, whose "
                    + "keys are found by OpenID discovery), or INFRASHARE_SECURITY_ISSUER with a JWK set or public key");
        }
        if (jwt.getAudiences().isEmpty()) {
            missing.add("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES (the audience every token must name, "
                    + "such as infrashare)");
        }
        if (!keys) {
            missing.add("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI or _PUBLIC_KEY_LOCATION, unless the "
                    + "issuer publishes its keys by OpenID discovery");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("JWT validation is not configured: set " + String.join(", and ", missing)
                    + "; or ask for the demo principals with the demo profile (loopback only).");
        }
    }

    static {
        // the caller comes from the bearer token, not from parameters of the operation
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /**
     * The document's {@code info} and tags ({@code infrashare.api.*} of each side's application.yml), a server
     * relative to wherever the document was read, and the bearer token every operation takes.
     */
    @Bean
    OpenAPI serviceDescription(Environment environment) {
        Binder settings = Binder.get(environment);
        OpenAPI document = new OpenAPI()
                .info(new Info()
                        .title(environment.getProperty("infrashare.api.title",
                                environment.getProperty("spring.application.name", "infrashare")))
                        .description(environment.getProperty("infrashare.api.description", ""))
                        .version(environment.getProperty("infrashare.api.version", "1"))
                        .contact(new Contact().name("The infrashare team")))
                .addServersItem(new Server().url("/").description("This service, where the document was read"))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A token of the organization's identity provider (a JWT), or a demo "
                                + "principal's token (dev-ops...) under the demo profile.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
        settings.bind("infrashare.api.tags", Bindable.mapOf(String.class, String.class)).orElse(Map.of())
                .forEach((tag, description) -> document.addTagsItem(new Tag().name(tag).description(description)));
        return document;
    }

    /** Each operation's refusals, as problems: {@link Refusals}. */
    @Bean
    OperationCustomizer refusals() {
        return ProblemDocumentation.refusals();
    }

    /** The client's own reference for a request, kept beside the service's correlation id. */
    @Bean
    OperationCustomizer clientReference() {
        return (operation, handler) -> operation.addParametersItem(new HeaderParameter()
                .name(CorrelationIdFilter.HEADER).required(false)
                .description("The client's own reference for the request (1 to 100 of letters, digits and ._:-; "
                        + "anything else is ignored): recorded as provenance.clientReference beside the correlation "
                        + "id the service gives the request, and sent back with it in X-Correlation-Id.")
                .schema(new StringSchema()));
    }

    @Bean
    OperationCustomizer pathParameters() {
        return new PathParameters();
    }

    @Bean
    OpenApiCustomizer openObjects() {
        return new OpenObjects();
    }

    @Bean
    OpenApiCustomizer problemComponents() {
        return ProblemDocumentation.components();
    }

    @Bean
    @Profile(DemoPrincipals.PROFILE)
    OpaqueTokenIntrospector demoPrincipals() {
        return new DemoPrincipals();
    }

    /** With the demo principals, the loopback only: before anything else, the token check included. */
    @Bean
    @Profile(DemoPrincipals.PROFILE)
    FilterRegistrationBean<LoopbackOnly> loopbackOnly(ObjectMapper json,
                                                      @Value("${server.address:}") String listeningOn) {
        FilterRegistrationBean<LoopbackOnly> registration =
                new FilterRegistrationBean<>(new LoopbackOnly(json, listeningOn));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Requests Tomcat refuses before the application sees them are answered as problems too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(HttpProperties properties,
                                                                          ObjectMapper json) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.maxBodySize(), json));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }

    /** Inside the security chain too: an unauthenticated request is a 401 whatever its body. */
    @Bean
    FilterRegistrationBean<ContentTypeFilter> contentTypeFilter(ObjectMapper json) {
        FilterRegistrationBean<ContentTypeFilter> registration = new FilterRegistrationBean<>(new ContentTypeFilter(json));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }

    /** Inside the security chain, so that the line names the principal. */
    @Bean
    FilterRegistrationBean<RequestLog> requestLog() {
        FilterRegistrationBean<RequestLog> registration = new FilterRegistrationBean<>(new RequestLog());
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentCaller());
    }

    /**
     * JSON answers go through {@link BufferedJsonConverter}, placed before each Jackson converter and delegating to
     * it; the Jackson converter stays in the list, where Spring Boot's own configurers look for it.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter jackson) {
                converters.add(i++, new BufferedJsonConverter(jackson));
            }
        }
    }
}
