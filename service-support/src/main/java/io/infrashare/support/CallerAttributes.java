package io.infrashare.support;

import io.infrashare.events.OrganizationId;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The attributes an authenticated principal carries, and how a {@link Caller} is read from them. */
final class CallerAttributes {

    static final String ORGANIZATION = "organization";
    static final String TEAMS = "teams";
    static final String ROLES = "roles";

    private CallerAttributes() {
    }

    static Caller from(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal)) {
            throw new IllegalStateException("Unsupported principal " + authentication.getPrincipal().getClass());
        }
        Map<String, Object> attributes = principal.getAttributes();
        return new Caller(OrganizationId.of(String.valueOf(attributes.get(ORGANIZATION))), principal.getName(),
                strings(attributes.get(TEAMS)), strings(attributes.get(ROLES)));
    }

    private static Set<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}
