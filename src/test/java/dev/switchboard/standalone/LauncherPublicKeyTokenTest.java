package dev.switchboard.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.Handshakes;
import dev.switchboard.contract.RawHttp;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** auth.public.key and auth.jwks.uri: tokens signed for the configured keys, and nothing else, open a connection. */
class LauncherPublicKeyTokenTest {

    @TempDir
    Path directory;

    @Test
    void anRs256TokenOpensAndAnHs256TokenKeyedWithThePublicKeyIsRefused() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").genKeyPair();
        String pem = pem(rsa);
        try (StandaloneServer server = start(pem)) {
            assertEquals(101, handshake(server, sign(JWSAlgorithm.RS256, new RSASSASigner(rsa.getPrivate()))));
            // The classic confusion: HMAC keyed with the public key's text, hoping the server uses it as a secret.
            assertEquals(401, handshake(server, sign(JWSAlgorithm.HS256,
                    new MACSigner(pem.getBytes(StandardCharsets.UTF_8)))));
        }
    }

    @Test
    void anEs256TokenOpensWithAnEcP256Key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = generator.genKeyPair();
        try (StandaloneServer server = start(pem(ec))) {
            assertEquals(101, handshake(server, sign(JWSAlgorithm.ES256,
                    new ECDSASigner((ECPrivateKey) ec.getPrivate()))));
        }
    }

    @Test
    void keysFromAJwkSetAreFoundByKeyIdAndAnUnknownKeyIdIsRefused() throws Exception {
        RSAKey published = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey unpublished = new RSAKeyGenerator(2048).keyID("k2").generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keySet = new JWKSet(published.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        jwks.start();
        try (StandaloneServer server = StandaloneServer.start("127.0.0.1", 0, Settings.load(SettingsSource.flags(
                Map.of("engine", "memory", "auth", "token", "auth.jwks.uri",
                        "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json"))))) {
            assertEquals(101, handshake(server, sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                    new RSASSASigner(published))));
            assertEquals(401, handshake(server, sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k2").build(),
                    new RSASSASigner(unpublished))));
        } finally {
            jwks.stop(0);
        }
    }

    private StandaloneServer start(String pem) throws Exception {
        Path key = Files.writeString(directory.resolve("public.pem"), pem);
        return StandaloneServer.start("127.0.0.1", 0, Settings.load(SettingsSource.flags(Map.of(
                "engine", "memory", "auth", "token", "auth.public.key", key.toString()))));
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String sign(JWSAlgorithm algorithm, JWSSigner signer) throws JOSEException {
        return sign(new JWSHeader(algorithm), signer);
    }

    private static String sign(JWSHeader header, JWSSigner signer) throws JOSEException {
        SignedJWT token = new SignedJWT(header, new JWTClaimsSet.Builder().subject("ann")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("rooms", Map.of("lobby", List.of("sub"))).build());
        token.sign(signer);
        return token.serialize();
    }

    private static int handshake(StandaloneServer server, String token) {
        List<String> headers = new ArrayList<>(List.of(Handshakes.headers(Handshakes.KEY, "13")));
        headers.add("Authorization: Bearer " + token);
        return RawHttp.get(server.baseUri(), "/chat/lobby", headers.toArray(String[]::new)).status();
    }
}
