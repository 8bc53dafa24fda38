package io.infrashare.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which claims of a JWT name the caller, its organization, teams and roles; the defaults suit a token minted for
 * infrashare, an identity provider's names are set here.
 *
 * @param name         the principal's name, as {@code actor} and {@code setBy} show it
 * @param organization the organization id; a token without it is refused
 * @param teams        a list of team names (a single string is one team)
 * @param roles        a list of roles: {@code admin}, {@code auditor}
 */
@ConfigurationProperties("infrashare.security.claims")
public record JwtClaimsProperties(
        @DefaultValue("preferred_username") String name,
        @DefaultValue("org") String organization,
        @DefaultValue("teams") String teams,
        @DefaultValue("roles") String roles) {
}
