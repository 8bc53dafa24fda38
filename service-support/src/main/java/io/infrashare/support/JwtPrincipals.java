package io.infrashare.support;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the caller from a verified JWT's claims into the same principal the demo tokens give, so the rest of the
 * service does not know which kind of token it was.
 */
class JwtPrincipals implements Converter<Jwt, AbstractAuthenticationToken> {

    /** The longest caller name or subject the service keeps, in characters. */
    static final int MAX_LENGTH = 200;

    /** An organization's id: lowercase letters, digits and inner hyphens, as a DNS label. */
    static final Pattern ORGANIZATION = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final JwtClaimsProperties claims;
    private final String issuer;

    /** @param issuer the issuer every token must name in {@code iss}, exactly */
    JwtPrincipals(JwtClaimsProperties claims, String issuer) {
        this.claims = claims;
        this.issuer = issuer;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String tokenIssuer = jwt.getClaimAsString("iss");
        if (!issuer.equals(tokenIssuer)) {
            throw new InvalidBearerTokenException("The token's issuer is not the one the service trusts");
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("The token has no 'sub' claim identifying the caller");
        }
        String organization = jwt.getClaimAsString(claims.organization());
        List<String> roles = strings(jwt.getClaim(claims.roles()));
        boolean operator = roles.contains(Caller.OPERATOR);
        if ((organization == null || organization.isBlank()) && !operator) {
            throw new InvalidBearerTokenException("The token has no '" + claims.organization() + "' claim naming "
                    + "the caller's organization");
        }
        if (organization != null && organization.isBlank()) {
            organization = null;
        }
        if (organization != null && !ORGANIZATION.matcher(organization).matches()) {
            throw new InvalidBearerTokenException("The token's '" + claims.organization() + "' claim is not an "
                    + "organization id: 1 to 63 lowercase letters, digits and inner hyphens");
        }
        String name = jwt.hasClaim(claims.name()) ? jwt.getClaimAsString(claims.name()) : subject;
        if (name == null || name.isBlank()) {
            throw new InvalidBearerTokenException("The token names no caller: its '" + claims.name()
                    + "' claim is empty");
        }
        keepable(claims.name(), name);
        keepable("sub", subject);
        Map<String, Object> attributes = new HashMap<>(Map.of("sub", name,
                CallerAttributes.ID, tokenIssuer + "#" + subject,
                CallerAttributes.TEAMS, strings(jwt.getClaim(claims.teams())),
                CallerAttributes.ROLES, roles));
        if (organization != null) {
            attributes.put(CallerAttributes.ORGANIZATION, organization);
        }
        var authorities = CallerAttributes.authorities(organization != null, roles);
        var principal = new DefaultOAuth2AuthenticatedPrincipal(name, attributes, authorities);
        var token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, jwt.getTokenValue(),
                jwt.getIssuedAt(), jwt.getExpiresAt());
        return new BearerTokenAuthentication(principal, token, authorities);
    }

    /**
     * The caller's name and subject go into every event it causes: the same rule as any name kept, and at most
     * {@value #MAX_LENGTH} characters.
     */
    private static void keepable(String claim, String value) {
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidBearerTokenException("The token's '" + claim + "' claim is longer than " + MAX_LENGTH
                    + " characters, which the service does not keep");
        }
        StoredText.problem(value, StoredText.Kind.NAME).ifPresent(problem -> {
            throw new InvalidBearerTokenException("The token's '" + claim + "' claim " + problem
                    + ", which the service does not keep");
        });
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }
}
