package dev.switchboard.bench.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Profiles a server process over a measured interval with async-profiler (attached through ap-loader's bundled
 * {@code asprof}), CPU samples on a timer, written as collapsed stacks: one line per stack with its sample count,
 * ready for a flame graph or a grep.
 */
public final class ServerProfiler {

    private final String apLoaderJar;
    private final Path directory;

    private ServerProfiler(String apLoaderJar, Path directory) {
        this.apLoaderJar = apLoaderJar;
        this.directory = directory;
    }

    /** A profiler writing into {@code directory}; fails when ap-loader is not on the classpath. */
    public static ServerProfiler into(Path directory) {
        String jar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> new File(entry).getName().startsWith("ap-loader"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("ap-loader is not on the classpath"));
        return new ServerProfiler(jar, directory);
    }

    public void start(long pid) {
        asprof("start", "-e", "itimer", "-i", "1ms", String.valueOf(pid));
    }

    /** Stops profiling and writes the stacks to {@code name}.collapsed. */
    public Path stop(long pid, String name) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(name + ".collapsed");
        asprof("stop", "-o", "collapsed", "-f", file.toString(), String.valueOf(pid));
        return file;
    }

    /** Writes {@code text} to {@code name}.txt next to the profiles. */
    public Path keep(String name, String text) throws IOException {
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve(name + ".txt"), text);
    }

    private void asprof(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", apLoaderJar, "profiler"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("asprof " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run asprof", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
