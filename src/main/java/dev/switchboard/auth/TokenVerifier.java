package dev.switchboard.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.switchboard.config.AuthSettings;
import dev.switchboard.hub.ChatRules;

import javax.crypto.spec.SecretKeySpec;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies connection tokens (JWT) with nimbus-jose-jwt: pinned algorithms (HS256 with {@code auth.secret}, RS256 /
 * ES256 with the key in {@code auth.public.key}, or RS256 / ES256 keys by key id from {@code auth.jwks.uri}), so
 * neither {@code alg: none} nor a switch between HMAC and public-key algorithms gets through; {@code sub} and
 * {@code exp} required; {@code aud} and {@code iss} checked when set; {@value #CLOCK_SKEW_SECONDS} s of clock skew
 * allowed.
 */
public final class TokenVerifier {

    static final int CLOCK_SKEW_SECONDS = 30;
    private static final long JWKS_MIN_REFRESH_MILLIS = 10_000;
    /** The smallest HS256 secret: RFC 7518 §3.2 asks for a key as long as the hash. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final int VERIFIED_CACHE_SIZE = 4096;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    /** Tokens verified lately (the exact string, signature included), least recently used dropped first. */
    private final Map<String, Identity> verified = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Identity> eldest) {
            return size() > VERIFIED_CACHE_SIZE;
        }
    };

    /**
     * @throws IllegalArgumentException when the settings name no usable key (the message says which setting)
     */
    public TokenVerifier(AuthSettings settings) {
        if (!settings.jwksUri().isEmpty()) {
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                    Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keySet(settings.jwksUri())));
        } else {
            processor.setJWSKeySelector(singleKey(settings));
        }
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (!settings.issuer().isEmpty()) {
            exact.issuer(settings.issuer());
        }
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                settings.audience().isEmpty() ? null : settings.audience(), exact.build(), Set.of("sub", "exp"));
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** A JWK Set fetched over HTTP: cached, fetched again for a key id it lacks, at most every 10 s. */
    private static JWKSource<SecurityContext> keySet(String uri) {
        try {
            return JWKSourceBuilder.create(new URL(uri))
                    .cache(true)
                    .rateLimited(JWKS_MIN_REFRESH_MILLIS)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("auth.jwks.uri is not a URL: " + e.getMessage());
        }
    }

    /** The one key (and so the one algorithm) of {@code auth.public.key} or {@code auth.secret}. */
    private static JWSKeySelector<SecurityContext> singleKey(AuthSettings settings) {
        JWSAlgorithm algorithm;
        Key key;
        if (!settings.publicKeyPem().isEmpty()) {
            key = PublicKeys.fromPem(settings.publicKeyPem());
            if (key instanceof RSAPublicKey) {
                algorithm = JWSAlgorithm.RS256;
            } else if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
                algorithm = JWSAlgorithm.ES256;
            } else {
                throw new IllegalArgumentException("auth.public.key must be an RSA or EC P-256 public key");
            }
        } else if (settings.secret().length >= MIN_SECRET_BYTES) {
            algorithm = JWSAlgorithm.HS256;
            key = new SecretKeySpec(settings.secret(), "HmacSHA256");
        } else {
            throw new IllegalArgumentException("auth=token needs auth.secret (at least " + MIN_SECRET_BYTES
                    + " bytes), auth.public.key or auth.jwks.uri");
        }
        return new SingleKeyJWSKeySelector<>(algorithm, key);
    }

    /**
     * The identity a token proves. A token verified before and not expired is answered from a small bounded cache:
     * a WebSocket handshake presents it twice (to our handshake check, then to the endpoint).
     *
     * @throws AuthenticationException 401 with a reason that never repeats the token
     */
    public Identity verify(String token) {
        Identity known;
        synchronized (verified) {
            known = verified.get(token);
        }
        if (known != null && known.expiresAt().map(at -> at.isAfter(Instant.now())).orElse(true)) {
            return known;
        }
        Identity identity = verifyNow(token);
        synchronized (verified) {
            verified.put(token, identity);
        }
        return identity;
    }

    private Identity verifyNow(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new AuthenticationException(401, "the token is not a JWT");
        } catch (BadJOSEException | JOSEException e) {
            throw new AuthenticationException(401, "the token was refused: " + e.getMessage());
        }
        String subject = claims.getSubject();
        if (!ChatRules.isValidName(subject)) {
            throw new AuthenticationException(401, "the token's sub is not a valid member name");
        }
        return new Identity(subject, grants(claims), Optional.of(Instant.ofEpochMilli(
                claims.getExpirationTime().getTime())), false);
    }

    /** {@code "rooms": {"lobby": ["sub", "pub"], "team-*": ["sub"]}}; unknown permissions are ignored. */
    private static RoomGrants grants(JWTClaimsSet claims) {
        Map<String, Object> rooms;
        try {
            rooms = claims.getJSONObjectClaim("rooms");
        } catch (ParseException e) {
            throw new AuthenticationException(401, "the token's rooms claim must be an object");
        }
        Map<String, Set<Permission>> grants = new LinkedHashMap<>();
        if (rooms != null) {
            rooms.forEach((pattern, value) -> {
                Set<Permission> permissions = EnumSet.noneOf(Permission.class);
                for (String claim : claimValues(value)) {
                    Permission.ofClaim(claim.trim()).ifPresent(permissions::add);
                }
                grants.put(pattern, permissions);
            });
        }
        return RoomGrants.of(grants);
    }

    private static List<String> claimValues(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> values.add(String.valueOf(item)));
        } else if (value instanceof String text) {
            values.addAll(List.of(text.split(",")));
        }
        return values;
    }
}
