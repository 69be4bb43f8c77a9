package dev.switchboard.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.auth.Permission;
import dev.switchboard.config.AuthSettings;
import dev.switchboard.config.InvalidSettingException;
import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.hub.ChatRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar switchboard-standalone.jar token --sub alice --room 'lobby=sub,pub,hist,pres' --ttl 1h}: a
 * development token signed (HS256) with the configured {@code auth.secret}, printed on standard output.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a connection token signed with auth.secret (from --set, switchboard.auth.secret or "
                + "SWITCHBOARD_AUTH_SECRET), for development.")
final class TokenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--sub", required = true, paramLabel = "NAME", description = "the member's name")
    private String subject;

    @Option(names = "--room", paramLabel = "ROOM=PERMISSIONS",
            description = "a room or prefix pattern (team-*) and its permissions among sub,pub,hist,pres (repeatable)")
    private Map<String, String> rooms = new LinkedHashMap<>();

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "1h",
            description = "how long the token is valid, e.g. 15m or 1h (default: ${DEFAULT-VALUE})")
    private String ttl;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a setting, e.g. --set auth.secret=...")
    private Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws JOSEException {
        if (!ChatRules.isValidName(subject)) {
            throw new ParameterException(spec.commandLine(), "--sub must match [A-Za-z0-9_-]{1,32}");
        }
        AuthSettings auth;
        Duration lifetime;
        try {
            lifetime = Settings.parseDuration(ttl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--ttl " + e.getMessage());
        }
        try {
            auth = Settings.load(SettingsSource.firstOf(SettingsSource.flags(settings), SettingsSource.standard()))
                    .auth();
        } catch (InvalidSettingException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (auth.secret().length == 0) {
            throw new ParameterException(spec.commandLine(), "auth.secret is not set: the token command signs "
                    + "with it (set SWITCHBOARD_AUTH_SECRET)");
        }
        Map<String, Object> grants = new LinkedHashMap<>();
        rooms.forEach((room, permissions) -> {
            List<String> claims = Arrays.stream(permissions.split(",")).map(String::trim).toList();
            for (String claim : claims) {
                if (Arrays.stream(Permission.values()).noneMatch(p -> p.claim().equals(claim))) {
                    throw new ParameterException(spec.commandLine(), "unknown permission '" + claim
                            + "' for room " + room + ": use sub, pub, hist, pres");
                }
            }
            grants.put(room, claims);
        });
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime))).claim("rooms", grants);
        if (!auth.audience().isEmpty()) {
            claims.audience(auth.audience());
        }
        if (!auth.issuer().isEmpty()) {
            claims.issuer(auth.issuer());
        }
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        token.sign(new MACSigner(auth.secret()));
        System.out.println(token.serialize());
        return 0;
    }
}
