package dev.switchboard.standalone;

import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.IdentityResolverContract;
import dev.switchboard.contract.MessagePolicyContract;
import dev.switchboard.contract.ResourceLimitsContract;
import dev.switchboard.contract.RoomPolicyContract;
import dev.switchboard.contract.ServerUnderTest;
import dev.switchboard.contract.TokenAuthContract;
import dev.switchboard.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The launcher, started in-process on a free port for each test class, with the test run's settings. Its engine
 * is the default (embedded, in a fresh directory of its own) unless the class says otherwise with {@link Engine};
 * for {@code redis}, a {@code redis-server} of its own. A {@link ResourceLimitsContract} or
 * {@link TokenAuthContract}, {@link MessagePolicyContract}, {@link RoomPolicyContract} or
 * {@link IdentityResolverContract} gets that contract's settings.
 */
abstract class InProcessLauncher implements ServerUnderTest {

    /** The engine a test class runs the launcher on. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Engine {
        String value();
    }

    private static StandaloneServer server;
    private static Path dataDir;
    private static RedisServer redis;

    @BeforeAll
    static void startLauncher(TestInfo test) throws IOException {
        Engine engine = test.getTestClass().map(c -> c.getAnnotation(Engine.class)).orElse(null);
        dataDir = Files.createTempDirectory("switchboard-data");
        Map<String, String> flags = new HashMap<>(Map.of("data.dir", dataDir.toString()));
        if (engine != null) {
            flags.put("engine", engine.value());
        }
        if (test.getTestClass().filter(ResourceLimitsContract.class::isAssignableFrom).isPresent()) {
            flags.putAll(ResourceLimitsContract.SETTINGS);
        }
        if (test.getTestClass().filter(TokenAuthContract.class::isAssignableFrom).isPresent()) {
            flags.putAll(TokenAuthContract.SETTINGS);
        }
        if (test.getTestClass().filter(MessagePolicyContract.class::isAssignableFrom).isPresent()) {
            flags.putAll(MessagePolicyContract.SETTINGS);
        }
        if (test.getTestClass().filter(RoomPolicyContract.class::isAssignableFrom).isPresent()) {
            flags.putAll(RoomPolicyContract.SETTINGS);
        }
        if (test.getTestClass().filter(IdentityResolverContract.class::isAssignableFrom).isPresent()) {
            flags.putAll(IdentityResolverContract.SETTINGS);
        }
        if (engine != null && engine.value().equals("redis")) {
            redis = RedisServer.start();
            flags.put("redis.uri", redis.uri());
        }
        server = StandaloneServer.start("127.0.0.1", 0,
                Settings.load(SettingsSource.firstOf(SettingsSource.flags(flags), SettingsSource.standard())));
    }

    @AfterAll
    static void stopLauncher() throws Exception {
        server.close();
        TempDirectories.delete(dataDir);
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }

    @Override
    public URI baseUri() {
        return server.baseUri();
    }
}
