package dev.switchboard.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shipped launcher jar run as a process, the way the README says ({@code java -jar}), until it says ready. */
public final class LauncherProcess implements AutoCloseable {

    static final String JAR = System.getProperty("switchboard.standalone.jar", "target/switchboard-standalone.jar");
    private static final Pattern READY = Pattern.compile("Switchboard ready at (http://\\S+)");

    private final Process process;
    private final BlockingQueue<String> stdout;
    private final BlockingQueue<String> stderr;
    private final URI base;

    private LauncherProcess(Process process) throws InterruptedException {
        this.process = process;
        this.stdout = lines(process.getInputStream());
        this.stderr = lines(process.getErrorStream());
        this.base = awaitReady();
    }

    /** Starts {@code java -jar JAR ARGS} and waits until it prints its URL. */
    public static LauncherProcess start(String... args) throws IOException, InterruptedException {
        return startIn(Path.of("").toAbsolutePath(), args);
    }

    /** Starts {@code java -jar JAR ARGS} in this working directory and waits until it prints its URL. */
    public static LauncherProcess startIn(Path workingDirectory, String... args)
            throws IOException, InterruptedException {
        return startWith(workingDirectory, List.of(), args);
    }

    /** Starts {@code java JVM_OPTIONS -jar JAR ARGS} in this working directory and waits until it prints its URL. */
    public static LauncherProcess startWith(Path workingDirectory, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", Path.of(JAR).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new LauncherProcess(new ProcessBuilder(command).directory(workingDirectory.toFile()).start());
    }

    /** Runs a start script (e.g. {@code deploy/bin/switchboard}) with these extra environment variables. */
    public static LauncherProcess startScript(Path script, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return new LauncherProcess(builder.start());
    }

    public URI baseUri() {
        return base;
    }

    public URI ws(String relative) {
        return URI.create("ws" + base.toString().substring("http".length()) + relative);
    }

    /** The first line of standard error (from now on) that passes {@code test}, waiting up to {@code timeout}. */
    public String awaitStderr(java.util.function.Predicate<String> test, java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            String line = stderr.poll(left, TimeUnit.NANOSECONDS);
            if (line != null && test.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no such line on standard error within " + timeout);
    }

    public Process process() {
        return process;
    }

    /** SIGKILL: no shutdown hook, no goodbye, nothing flushed that was not already on disk. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the launcher did not die of SIGKILL");
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private URI awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && (process.isAlive() || !stdout.isEmpty())) {
            String line = stdout.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    return URI.create(ready.group(1));
                }
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the launcher never said it was ready; stderr: " + String.join("\n", stderr));
    }

    static BlockingQueue<String> lines(InputStream stream) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | java.io.UncheckedIOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
