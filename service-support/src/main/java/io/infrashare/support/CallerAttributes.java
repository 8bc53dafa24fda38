package io.infrashare.support;

import io.infrashare.events.OrganizationId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The attributes an authenticated principal carries, and how a {@link Caller} is read from them. */
final class CallerAttributes {

    static final String ORGANIZATION = "organization";
    static final String TEAMS = "teams";
    static final String ROLES = "roles";
    /** The principal's stable identity; a demo principal has none but its name. */
    static final String ID = "principal_id";
    /** The authority of a caller that belongs to an organization, which every organization's endpoint asks for. */
    static final String MEMBER = "ORGANIZATION_MEMBER";

    private CallerAttributes() {
    }

    static Caller from(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal)) {
            throw new IllegalStateException("Unsupported principal " + authentication.getPrincipal().getClass());
        }
        Map<String, Object> attributes = principal.getAttributes();
        Object organization = attributes.get(ORGANIZATION);
        Object id = attributes.getOrDefault(ID, principal.getName());
        return new Caller(organization == null ? null : OrganizationId.of(String.valueOf(organization)),
                String.valueOf(id), principal.getName(), strings(attributes.get(TEAMS)), strings(attributes.get(ROLES)));
    }

    /**
     * What the security rules ask for: {@value #MEMBER} for a caller of an organization, and {@code ROLE_ADMIN},
     * {@code ROLE_AUDITOR} or {@code ROLE_OPERATOR} for its roles.
     */
    static List<GrantedAuthority> authorities(boolean inAnOrganization, Collection<String> roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (inAnOrganization) {
            authorities.add(new SimpleGrantedAuthority(MEMBER));
        }
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
        return List.copyOf(authorities);
    }

    private static Set<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}
