package dev.switchboard.bench.target;

import dev.switchboard.bench.report.ProcessStats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A target's server process: started with its output copied to a log file, ready once it prints its ready line,
 * stopped with SIGTERM (then SIGKILL after a grace period).
 */
public final class RunningServer implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 120;

    private final Process process;
    private final Supplier<LiveMemory> collectGarbage;
    private final List<RunningServer> companions = new java.util.ArrayList<>();
    private boolean jvm;

    private RunningServer(Process process, Supplier<LiveMemory> collectGarbage) {
        this.process = process;
        this.collectGarbage = collectGarbage;
    }

    /** Runs a JVM's {@code command}; its garbage is collected by jcmd, whose class histogram gives its live heap. */
    static RunningServer startJvm(List<String> command, String readyLine, Path logFile)
            throws IOException, InterruptedException {
        RunningServer[] server = new RunningServer[1];
        server[0] = start(command, readyLine, logFile, () -> {
            String histogram = ProcessStats.classHistogram(server[0].pid());
            return new LiveMemory(ProcessStats.liveHeapBytes(histogram), histogram);
        });
        server[0].jvm = true;
        return server[0];
    }

    /**
     * Runs {@code command} and waits until a line of its output contains {@code readyLine}.
     *
     * @param collectGarbage makes the server run a full collection and tells what it still holds
     */
    static RunningServer start(List<String> command, String readyLine, Path logFile,
                               Supplier<LiveMemory> collectGarbage)
            throws IOException, InterruptedException {
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> copyOutput(process, logFile, command, readyLine, ready),
                "log-" + process.pid());
        copier.setDaemon(true);
        copier.start();
        try {
            ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new IOException("the server did not get ready (see " + logFile + "): "
                    + String.join(" ", command), e);
        }
        return new RunningServer(process, collectGarbage);
    }

    private static void copyOutput(Process process, Path logFile, List<String> command, String readyLine,
                                   CompletableFuture<Void> ready) {
        try (BufferedReader out =
                     new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
            log.println("$ " + String.join(" ", command));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.println(line);
                if (line.contains(readyLine)) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IOException("the server exited with " + process.onExit().join().exitValue()));
    }

    public long pid() {
        return process.pid();
    }

    /** Whether the server is a JVM (its JIT compiler threads tell when it has warmed up). */
    public boolean isJvm() {
        return jvm;
    }

    /** Makes the server run a full garbage collection; returns what it still holds. */
    public LiveMemory collectGarbage() {
        return collectGarbage.get();
    }

    /**
     * What a server holds after a full collection.
     *
     * @param bytes  live objects: a JVM's heap, V8's heap plus the memory outside it that JavaScript objects own
     * @param detail the server's own account of it (a JVM's class histogram, Node's memoryUsage)
     */
    public record LiveMemory(long bytes, String detail) {
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Another process this server needs (a second node, its Redis), stopped after it. */
    RunningServer with(RunningServer companion) {
        companions.add(companion);
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stop();
        } finally {
            for (RunningServer companion : companions) {
                companion.close();
            }
        }
    }

    private void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
