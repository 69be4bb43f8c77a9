package dev.switchboard.standalone;

import dev.switchboard.auth.Access;
import dev.switchboard.auth.Identity;
import dev.switchboard.auth.Permission;
import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped {@code target/switchboard-standalone.jar}, run the way the README says: {@code java -jar}. */
class LauncherJarIT {

    private static final String JAR = LauncherProcess.JAR;

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Run run = Run.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.stdout().contains("Usage: switchboard"), run.stdout());
        assertTrue(run.stdout().contains("--host") && run.stdout().contains("--port"), run.stdout());
    }

    @Test
    void theTokenCommandMintsATokenTheServerAccepts() throws Exception {
        String secret = "a-development-secret-of-32-bytes-at-least";
        Run run = Run.of("token", "--sub", "alice", "--room", "lobby=sub,pub,hist,pres", "--ttl", "15m",
                "--set", "auth.secret=" + secret);
        assertEquals(0, run.exitCode(), run.stderr());
        String token = run.stdout().trim();
        Identity alice = new Access(Settings.load(SettingsSource.flags(Map.of("auth", "token", "auth.secret", secret)))
                .auth()).connect(header -> header.equals("Authorization") ? "Bearer " + token : null, query -> null,
                "lobby", null);
        assertEquals("alice", alice.name());
        assertTrue(alice.allows("lobby", Permission.PUB));
        assertTrue(alice.expiresAt().orElseThrow().isBefore(Instant.now().plusSeconds(16 * 60)));
    }

    @Test
    void theTokenCommandWithoutASecretSaysSoAndExitsTwo() throws Exception {
        Run run = Run.of("token", "--sub", "alice");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("auth.secret"), run.stderr());
    }

    @Test
    void anUnknownFlagPrintsTheReasonAndTheUsageAndExitsTwo() throws Exception {
        Run run = Run.of("--colour", "blue");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("Unknown option") && run.stderr().contains("'--colour'"), run.stderr());
        assertTrue(run.stderr().contains("Usage: switchboard"), run.stderr());
    }

    @Test
    void aPortThatIsNotANumberExitsTwo() throws Exception {
        Run run = Run.of("--port", "eighty");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("--port") && run.stderr().contains("eighty"), run.stderr());
        assertTrue(run.stderr().contains("Usage: switchboard"), run.stderr());
    }

    @Test
    void aPortOutOfRangeExitsTwo() throws Exception {
        Run run = Run.of("--port", "70000");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("70000 is not a TCP port"), run.stderr());
    }

    @Test
    void aBadSettingNamesTheSettingAndExitsTwo() throws Exception {
        Run run = Run.of("--set", "history.size=lots");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("history.size") && run.stderr().contains("lots"), run.stderr());
    }

    @Test
    void anUnknownSettingExitsTwo() throws Exception {
        Run run = Run.of("--set", "colour=blue");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("unknown setting 'colour'"), run.stderr());
    }

    @Test
    void aPortAlreadyInUseIsReportedInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path dataDir = Files.createTempDirectory("switchboard-jar");
            Run run = Run.of("--port", String.valueOf(taken.getLocalPort()), "--data-dir", dataDir.toString());
            TempDirectories.delete(dataDir);
            assertEquals(1, run.exitCode());
            List<String> lines = run.reasons();
            assertEquals(1, lines.size(), run.stderr());
            assertTrue(lines.get(0).contains("already in use"), lines.get(0));
        }
    }

    @Test
    void aDataDirectoryInUseByAnotherLauncherFailsTheStartInOneLine() throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-jar");
        try (LauncherProcess first = LauncherProcess.start("--port", "0", "--data-dir", dataDir.toString())) {
            Run second = Run.of("--port", "0", "--data-dir", dataDir.toString());
            assertEquals(1, second.exitCode());
            List<String> lines = second.reasons();
            assertEquals(1, lines.size(), second.stderr());
            assertTrue(lines.get(0).contains("in use by another Switchboard process"), lines.get(0));
        } finally {
            TempDirectories.delete(dataDir);
        }
    }

    @Test
    void aDataDirectoryWrittenByANewerSchemaFailsTheStartInOneLine() throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-jar");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("switchboard.db"));
             Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            statement.execute("INSERT INTO meta VALUES ('schema_version', '99')");
        }
        try {
            Run run = Run.of("--port", "0", "--data-dir", dataDir.toString());
            assertEquals(1, run.exitCode());
            List<String> lines = run.reasons();
            assertEquals(1, lines.size(), run.stderr());
            assertTrue(lines.get(0).contains("schema version 99, written by a newer Switchboard"), lines.get(0));
        } finally {
            TempDirectories.delete(dataDir);
        }
    }

    @Test
    void aRedisThatCannotBeReachedFailsTheStartInOneLine() throws Exception {
        int nobodyListens;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = probe.getLocalPort();
        }
        Run run = Run.of("--port", "0", "--set", "engine=redis",
                "--set", "redis.uri=redis://:hunter2-password@127.0.0.1:" + nobodyListens + "/0");
        assertEquals(1, run.exitCode());
        List<String> lines = run.reasons();
        assertEquals(1, lines.size(), run.stderr());
        assertTrue(lines.get(0).contains("cannot reach Redis at 127.0.0.1:" + nobodyListens), lines.get(0));
        assertTrue(!run.stderr().contains("hunter2-password") && !run.stdout().contains("hunter2-password"),
                "the password is never printed");
    }

    @Test
    void withLogFormatJsonEachConnectionIsOneJsonLineWithItsFields() throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-jar");
        try (LauncherProcess launcher = LauncherProcess.start("--port", "0", "--data-dir", dataDir.toString(),
                "--set", "log.format=json")) {
            try (WsClient member = WsClient.connect(launcher.ws("chat/json-room?name=ann"))) {
                member.expect("welcome");
            }
            String line = launcher.awaitStderr(text -> text.contains("\"connection.close\""), Duration.ofSeconds(30));
            JsonNode closed = new ObjectMapper().readTree(line);
            assertEquals("INFO", closed.path("level").asText());
            assertEquals("dev.switchboard.connections", closed.path("logger").asText());
            assertEquals("websocket", closed.path("transport").asText());
            assertEquals("json-room", closed.path("room").asText());
            assertEquals("ann", closed.path("name").asText());
            assertEquals("127.0.0.1", closed.path("client").asText());
            assertEquals(1000, closed.path("code").asInt());
            assertTrue(closed.path("durationMs").isNumber(), line);
            assertNotNull(Instant.parse(closed.path("time").asText()));
        } finally {
            TempDirectories.delete(dataDir);
        }
    }

    @Test
    void itLogsItsUrlServesBothProtocolsAndOnSigtermSays1001AndReleasesThePort() throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-jar");
        try (LauncherProcess launcher = LauncherProcess.start("--port", "0", "--data-dir", dataDir.toString())) {
            URI base = launcher.baseUri();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());

            WsClient member = WsClient.connect(launcher.ws("chat/lobby?name=ann"));
            member.expect("welcome");

            launcher.process().destroy();
            WsClient.Closed closed = member.awaitClose();
            assertEquals(1001, closed.code());
            assertTrue(launcher.process().waitFor(20, TimeUnit.SECONDS), "the launcher must exit after SIGTERM");
            try (ServerSocket rebound = new ServerSocket(base.getPort(), 1, InetAddress.getLoopbackAddress())) {
                assertEquals(base.getPort(), rebound.getLocalPort(), "the port must be free again");
            }
        } finally {
            TempDirectories.delete(dataDir);
        }
    }

    /** A launcher run that ends by itself, with its exit code and output. */
    private record Run(int exitCode, String stdout, String stderr) {

        /** The lines the launcher itself wrote to say why it stopped. */
        List<String> reasons() {
            return stderr.lines().filter(line -> line.startsWith("switchboard:")).toList();
        }

        static Run of(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("java", "-jar", JAR));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            var out = process.getInputStream().readAllBytes();
            var err = process.getErrorStream().readAllBytes();
            boolean ended = process.waitFor(30, TimeUnit.SECONDS);
            assertTrue(ended, "the launcher must exit by itself");
            assertNotNull(out);
            return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        }
    }
}
