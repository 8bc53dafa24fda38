package io.infrashare.support;

import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed demo principals of docs/http-api.md. They exist only under the {@value #PROFILE} profile, which nothing turns
 * on by default, so a deployment that forgets to configure real authentication refuses every token instead of trusting
 * these; with them, the service answers the loopback only ({@link LoopbackOnly}).
 */
class DemoPrincipals implements OpaqueTokenIntrospector {

    /** The profile that asks for the demo principals. */
    static final String PROFILE = "demo";

    private static final Map<String, Map<String, Object>> BY_TOKEN = Map.of(
            "dev-ops", principal("olivia", "acme", List.of("ops"), List.of()),
            "dev-ecomm", principal("eric", "acme", List.of("ecommerce"), List.of()),
            "dev-admin", principal("ada", "acme", List.of(), List.of(Caller.ADMIN)),
            "dev-auditor", principal("aud", "acme", List.of(), List.of(Caller.AUDITOR)),
            "dev-globex", principal("gus", "globex", List.of("ops"), List.of()),
            "dev-operator", principal("otto", null, List.of(), List.of(Caller.OPERATOR)));

    /** @param organization null for the platform's operator, who belongs to none */
    private static Map<String, Object> principal(String name, String organization, List<String> teams,
                                                 List<String> roles) {
        Map<String, Object> attributes = new HashMap<>(Map.of("sub", name,
                CallerAttributes.TEAMS, teams, CallerAttributes.ROLES, roles));
        if (organization != null) {
            attributes.put(CallerAttributes.ORGANIZATION, organization);
        }
        return Map.copyOf(attributes);
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        Map<String, Object> attributes = BY_TOKEN.get(token);
        if (attributes == null) {
            throw new BadOpaqueTokenException("Unknown token");
        }
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) attributes.get(CallerAttributes.ROLES);
        return new DefaultOAuth2AuthenticatedPrincipal((String) attributes.get("sub"), attributes,
                CallerAttributes.authorities(attributes.containsKey(CallerAttributes.ORGANIZATION), roles));
    }
}
