package dev.switchboard.deploy;

import dev.switchboard.contract.WsClient;
import dev.switchboard.standalone.LauncherProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deploy/bin/switchboard} and {@code deploy/systemd/switchboard.service}, as an operator would use them. */
class ServiceFilesIT {

    private static final Path SCRIPT = Path.of("deploy/bin/switchboard");
    private static final Path UNIT = Path.of("deploy/systemd/switchboard.service");
    private static final Path JAR = Path.of("target/switchboard-standalone.jar");

    @Test
    void theStartScriptRunsTheLauncherWithTheRecommendedJvmOptionsAndItsDataDirectory() throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-service");
        try (LauncherProcess launcher = LauncherProcess.startScript(SCRIPT, Map.of(
                "SWITCHBOARD_JAR", JAR.toAbsolutePath().toString(),
                "SWITCHBOARD_DATA_DIR", dataDir.toString(), "SWITCHBOARD_HEAP", "128m"), "--port", "0")) {
            String commandLine = Files.readString(Path.of("/proc/" + launcher.process().pid() + "/cmdline"))
                    .replace('\0', ' ');
            for (String option : new String[] {"-Xmx128m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
                "-Xlog:gc*:file=" + dataDir.resolve("gc.log"), "--data-dir " + dataDir}) {
                assertTrue(commandLine.contains(option), () -> option + " missing from " + commandLine);
            }
            assertTrue(Files.exists(dataDir.resolve("gc.log")), "the GC log is written");
            try (WsClient member = WsClient.connect(launcher.ws("chat/service?name=ann"))) {
                member.expect("welcome");
                assertTrue(Files.exists(dataDir.resolve("switchboard.db")), "rooms are kept in the data directory");
            }
        } finally {
            deleteRecursively(dataDir);
        }
    }

    @Test
    void aStopIsSigtermToTheJvmItselfSoMembersGetTheir1001AndTheExitIsClean() throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-service");
        try (LauncherProcess launcher = LauncherProcess.startScript(SCRIPT, Map.of(
                "SWITCHBOARD_JAR", JAR.toAbsolutePath().toString(), "SWITCHBOARD_DATA_DIR", dataDir.toString()),
                "--port", "0");
             WsClient member = WsClient.connect(launcher.ws("chat/service?name=ann"))) {
            member.expect("welcome");
            launcher.process().destroy(); // SIGTERM to the script's pid: exec made it the JVM's
            assertEquals(1001, member.awaitClose().code());
            assertTrue(launcher.process().waitFor(30, TimeUnit.SECONDS), "the launcher exits after SIGTERM");
            assertEquals(143, launcher.process().exitValue(), "the unit's SuccessExitStatus");
        } finally {
            deleteRecursively(dataDir);
        }
    }

    @Test
    void theSystemdUnitVerifiesWithoutAWarning() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed here");
        // As installed, but ExecStart pointing at this checkout's script, which verify requires to exist.
        Path dir = Files.createTempDirectory("switchboard-unit");
        Path unit = dir.resolve("switchboard.service");
        Files.writeString(unit, Files.readString(UNIT).replace("/opt/switchboard/switchboard",
                SCRIPT.toAbsolutePath().toString()));
        try {
            Process verify = new ProcessBuilder(analyze.toString(), "verify", unit.toString())
                    .redirectErrorStream(true).start();
            String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(verify.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, verify.exitValue(), output);
            assertEquals("", output.strip(), "systemd-analyze verify warns");
            assertTrue(Files.readString(UNIT).contains("LimitNOFILE=65536"));
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
