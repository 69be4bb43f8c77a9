package dev.switchboard.standalone;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar} with no options gives back heap it no longer needs; an operator's own options win. */
class HeapGiveBackIT {

    @Test
    void aPlainJavaDashJarLetsTheHeapShrinkToWhatItUses() throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-heap");
        try (LauncherProcess launcher = LauncherProcess.start("--port", "0", "--data-dir", dataDir.toString())) {
            String flags = vmFlags(launcher.process().pid());
            assertTrue(flags.contains("-XX:MinHeapFreeRatio=10"), flags);
            assertTrue(flags.contains("-XX:MaxHeapFreeRatio=20"), flags);
            assertTrue(flags.contains("-XX:G1PeriodicGCInterval=300000"), flags);
        } finally {
            TempDirectories.delete(dataDir);
        }
    }

    @Test
    void heapOptionsOnTheCommandLineAreLeftAsGiven() throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-heap");
        try (LauncherProcess launcher = LauncherProcess.startWith(Path.of("").toAbsolutePath(),
                List.of("-XX:MinHeapFreeRatio=30", "-XX:MaxHeapFreeRatio=50"),
                "--port", "0", "--data-dir", dataDir.toString())) {
            String flags = vmFlags(launcher.process().pid());
            assertTrue(flags.contains("-XX:MinHeapFreeRatio=30"), flags);
            assertTrue(flags.contains("-XX:MaxHeapFreeRatio=50"), flags);
        } finally {
            TempDirectories.delete(dataDir);
        }
    }

    /** What {@code jcmd PID VM.flags} reports: the options that are not at their defaults. */
    private static String vmFlags(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.flags")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "jcmd did not finish");
        return output;
    }
}
