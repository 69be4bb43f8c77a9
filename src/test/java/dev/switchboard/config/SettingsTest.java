package dev.switchboard.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        Settings settings = Settings.defaults();
        assertEquals(1000, settings.historySize());
        assertEquals(65536, settings.maxMessageBytes());
        assertEquals(1 << 20, settings.queueMaxBytes());
        assertEquals(Set.of(), settings.allowedOrigins());
        assertEquals(20, settings.ratePerSecond());
        assertEquals(40, settings.rateBurst());
        assertEquals(Duration.ofSeconds(25), settings.pingInterval());
        assertEquals(Duration.ofSeconds(30), settings.httpIdleTimeout());
    }

    @Test
    void aBadValueFailsNamingTheSettingItsValueAndWhereItCameFrom() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Settings.load(
                SettingsSource.environment(Map.of("SWITCHBOARD_HISTORY_SIZE", "lots"))));
        assertTrue(e.getMessage().contains("history.size"), e.getMessage());
        assertTrue(e.getMessage().contains("'lots'"), e.getMessage());
        assertTrue(e.getMessage().contains("SWITCHBOARD_HISTORY_SIZE"), e.getMessage());
    }

    @Test
    void thePathPrefixIsSwitchboardByDefaultAndTheRootIsWrittenSlash() {
        assertEquals("/switchboard", Settings.defaults().pathPrefix());
        assertEquals("", Settings.load(SettingsSource.flags(Map.of("path.prefix", "/"))).pathPrefix());
        assertEquals("/live/chat", Settings.load(SettingsSource.flags(Map.of("path.prefix", "/live/chat/")))
                .pathPrefix());
    }

    @Test
    void aPathPrefixThatIsNotAPathFailsTheStart() {
        for (String bad : new String[] {"switchboard", "/a b", "/a//b", "/../x", "/*"}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> Settings.load(SettingsSource.flags(Map.of("path.prefix", bad))), bad);
            assertTrue(e.getMessage().contains("path.prefix"), e.getMessage());
        }
    }

    @Test
    void anApplicationsSwitchboardPropertiesIsASettingsSource(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve(SettingsSource.PROPERTIES), "history.size=7\npath.prefix=/\n");
        try (java.net.URLClassLoader application = new java.net.URLClassLoader(
                new java.net.URL[] {dir.toUri().toURL()}, null)) {
            SettingsSource file = SettingsSource.classpathProperties(application);
            Settings settings = Settings.load(file);
            assertEquals(7, settings.historySize());
            assertEquals("", settings.pathPrefix());
            assertEquals(9, Settings.load(SettingsSource.firstOf(SettingsSource.flags(Map.of("history.size", "9")),
                    file)).historySize(), "the sources before it win");
        }
    }

    @Test
    void aShortSecretFailsTheStartWithoutRepeatingIt() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Settings.load(
                SettingsSource.flags(Map.of("auth", "token", "auth.secret", "too-short-s3cr3t"))));
        assertTrue(e.getMessage().contains("at least 32 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void tokenModeWithoutAKeyFailsTheStart() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Settings.load(SettingsSource.flags(Map.of("auth", "token"))));
        assertTrue(e.getMessage().contains("auth.secret"), e.getMessage());
    }

    @Test
    void theSettingsNeverShowTheirSecrets() {
        Settings settings = Settings.load(SettingsSource.flags(Map.of("auth", "token",
                "auth.secret", "a-secret-of-at-least-32-bytes-s3cr3t", "api.keys", "k3y-one,k3y-two")));
        assertFalse(settings.toString().contains("s3cr3t"), settings.toString());
        assertFalse(settings.toString().contains("k3y"), settings.toString());
    }

    @Test
    void theKeystorePasswordIsNeverShown() throws Exception {
        java.nio.file.Path keystore = java.nio.file.Files.createTempFile("switchboard", ".p12");
        try {
            Settings settings = Settings.load(SettingsSource.flags(Map.of("tls.keystore", keystore.toString(),
                    "tls.keystore.password", "p4ssw0rd")));
            assertFalse(settings.toString().contains("p4ssw0rd"), settings.toString());
        } finally {
            java.nio.file.Files.delete(keystore);
        }
    }

    @Test
    void aTlsCertificateWithoutItsKeyFailsTheStart() throws Exception {
        java.nio.file.Path cert = java.nio.file.Files.createTempFile("switchboard", ".crt");
        try {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> Settings.load(SettingsSource.flags(Map.of("tls.cert", cert.toString()))));
            assertTrue(e.getMessage().contains("tls.key"), e.getMessage());
        } finally {
            java.nio.file.Files.delete(cert);
        }
    }

    @Test
    void aTlsFileThatCannotBeReadFailsTheStartNamingIt() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Settings.load(
                SettingsSource.flags(Map.of("tls.cert", "/nonexistent/chain.pem", "tls.key", "/nonexistent/k.pem"))));
        assertTrue(e.getMessage().contains("/nonexistent/chain.pem"), e.getMessage());
    }

    @Test
    void aValueOutOfRangeFails() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Settings.load(SettingsSource.flags(Map.of("history.size", "0"))));
        assertTrue(e.getMessage().contains("between 1 and"), e.getMessage());
    }

    @Test
    void durationsTakeUnits() {
        Settings settings = Settings.load(SettingsSource.flags(Map.of(
                "ping.interval", "500ms", "idle.timeout", "2m", "shutdown.grace", "3")));
        assertEquals(Duration.ofMillis(500), settings.pingInterval());
        assertEquals(Duration.ofMinutes(2), settings.idleTimeout());
        assertEquals(Duration.ofSeconds(3), settings.shutdownGrace());
        assertThrows(InvalidSettingException.class,
                () -> Settings.load(SettingsSource.flags(Map.of("ping.interval", "soon"))));
    }

    @Test
    void anIdleTimeoutNotLongerThanThePingIntervalFails() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Settings.load(
                SettingsSource.flags(Map.of("ping.interval", "30s", "idle.timeout", "30s"))));
        assertTrue(e.getMessage().contains("idle.timeout"), e.getMessage());
    }

    @Test
    void allowedOriginsAreAListOfOrigins() {
        Settings settings = Settings.load(SettingsSource.flags(Map.of(
                "allowed.origins", "https://Chat.Example.com, http://localhost:8080")));
        assertEquals(Set.of("https://chat.example.com", "http://localhost:8080"), settings.allowedOrigins());
        assertThrows(InvalidSettingException.class, () -> Settings.load(
                SettingsSource.flags(Map.of("allowed.origins", "chat.example.com/path"))));
    }

    @Test
    void earlierSourcesWin() {
        SettingsSource source = SettingsSource.firstOf(
                SettingsSource.flags(Map.of("history.size", "7")),
                SettingsSource.environment(Map.of("SWITCHBOARD_HISTORY_SIZE", "8", "SWITCHBOARD_RATE_BURST", "9")));
        Settings settings = Settings.load(source);
        assertEquals(7, settings.historySize());
        assertEquals(9, settings.rateBurst());
    }

    @Test
    void everySettingHasTheSameNameInEverySource() {
        assertEquals("switchboard.max.connections.per.address", Setting.MAX_CONNECTIONS_PER_ADDRESS.systemProperty());
        assertEquals("SWITCHBOARD_MAX_CONNECTIONS_PER_ADDRESS",
                Setting.MAX_CONNECTIONS_PER_ADDRESS.environmentVariable());
    }
}
