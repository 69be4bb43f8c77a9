package dev.switchboard.contract;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Connection tokens as an application would issue them (and a few as an attacker would forge them). */
public final class Tokens {

    private Tokens() {
    }

    /** HS256 with this secret; {@code rooms} maps rooms or patterns to permissions. */
    public static String signed(String secret, String subject, Map<String, List<String>> rooms, Duration validFor,
            String audience) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor))).claim("rooms", rooms);
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    /** The same claims with {@code "alg": "none"} and no signature. */
    public static String unsigned(String subject, Map<String, List<String>> rooms) {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        String claims = Base64URL.encode(new JWTClaimsSet.Builder().subject(subject)
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).claim("rooms", rooms).build()
                .toString()).toString();
        return header + "." + claims + ".";
    }
}
