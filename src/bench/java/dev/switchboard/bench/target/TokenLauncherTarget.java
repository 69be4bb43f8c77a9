package dev.switchboard.bench.target;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The launcher with {@code auth=token}: every connection presents a JWT ({@code Authorization: Bearer}), which the
 * server verifies before the upgrade and again when the endpoint opens. Only the {@code connect} scenario: it
 * measures what a token costs a handshake, next to {@code launcher}.
 */
public final class TokenLauncherTarget extends SwitchboardTarget {

    private static final String SECRET = "bench-secret-for-hs256-of-at-least-32-bytes";
    private final LauncherTarget launcher;

    public TokenLauncherTarget(Path build, List<String> jvmOptions) {
        super(jvmOptions);
        this.launcher = new LauncherTarget(build, jvmOptions, "embedded",
                Map.of("auth", "token", "auth.secret", SECRET));
    }

    @Override
    public String name() {
        return "launcher-token";
    }

    @Override
    public String description() {
        return launcher.description() + ", `auth=token` (an HS256 JWT per connection)";
    }

    @Override
    public RunningServer start(int port, Path logFile) throws IOException, InterruptedException {
        return launcher.start(port, logFile);
    }

    @Override
    public boolean offers(String scenario) {
        return scenario.equals("connect");
    }

    /** A token for the member the URI names, granting every room, minted as an application would. */
    @Override
    public HttpHeaders handshakeHeaders(URI uri) {
        String query = uri.getRawQuery();
        if (query == null || !query.matches("(?:.*&)?name=.*")) {
            return new DefaultHttpHeaders(); // /echo: no room, no token
        }
        String name = query.replaceAll("(?:.*&)?name=([^&]*).*", "$1");
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(name)
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .claim("rooms", Map.of("*", List.of("sub", "pub", "hist", "pres"))).build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return new DefaultHttpHeaders().add("Authorization", "Bearer " + token.serialize());
    }
}
