package dev.switchboard.standalone;

import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.ServerUnderTest;
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
import java.util.Map;

/**
 * The launcher, started in-process on a free port for each test class, with the test run's settings. Its engine
 * is the default (embedded, in a fresh directory of its own) unless the class says otherwise with {@link Engine}.
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

    @BeforeAll
    static void startLauncher(TestInfo test) throws IOException {
        Engine engine = test.getTestClass().map(c -> c.getAnnotation(Engine.class)).orElse(null);
        dataDir = Files.createTempDirectory("switchboard-data");
        Map<String, String> flags = engine == null
                ? Map.of("data.dir", dataDir.toString())
                : Map.of("engine", engine.value(), "data.dir", dataDir.toString());
        server = StandaloneServer.start("127.0.0.1", 0,
                Settings.load(SettingsSource.firstOf(SettingsSource.flags(flags), SettingsSource.standard())));
    }

    @AfterAll
    static void stopLauncher() throws IOException {
        server.close();
        TempDirectories.delete(dataDir);
    }

    @Override
    public URI baseUri() {
        return server.baseUri();
    }
}
