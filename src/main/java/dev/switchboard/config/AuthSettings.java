package dev.switchboard.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code auth.*} and {@code api.keys} settings. Holds secrets: its {@link #toString()} names none of them.
 *
 * @param mode          {@code auth}
 * @param secret        {@code auth.secret}: the HS256 key, empty when not set
 * @param publicKeyPem  the contents of the {@code auth.public.key} file, empty when not set
 * @param jwksUri       {@code auth.jwks.uri}, empty when not set
 * @param audience      {@code auth.audience}: the {@code aud} a token must carry, empty for any
 * @param issuer        {@code auth.issuer}: the {@code iss} a token must carry, empty for any
 * @param expiryGrace   {@code auth.expiry.grace}: how long a connection outlives its token before close 4001
 * @param apiKeys       {@code api.keys}: the keys server-side callers present
 * @param roles         {@code auth.roles}: container roles to room permissions ({@code ROLE:ROOM=PERMS;...})
 * @param resolver      {@code auth.resolver}: the class name of the custom mode's identity resolver, or empty
 */
public record AuthSettings(AuthMode mode, byte[] secret, String publicKeyPem, String jwksUri, String audience,
        String issuer,
        Duration expiryGrace, List<String> apiKeys, String roles, String resolver) {

    @Override
    public String toString() {
        return "AuthSettings[mode=" + mode.key() + ", secret=" + (secret.length > 0 ? "(set)" : "(none)")
                + ", publicKey=" + (publicKeyPem.isEmpty() ? "(none)" : "(set)") + ", jwks=" + jwksUri
                + ", audience=" + audience
                + ", issuer=" + issuer + ", expiryGrace=" + expiryGrace + ", apiKeys=" + apiKeys.size()
                + (resolver.isEmpty() ? "" : ", resolver=" + resolver) + "]";
    }
}
