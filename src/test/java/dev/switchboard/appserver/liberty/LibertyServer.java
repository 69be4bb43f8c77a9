package dev.switchboard.appserver.liberty;

import dev.switchboard.contract.LoopbackPorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real Open Liberty (the runtime zip from Maven Central, unpacked by -Pliberty) with the shipped WAR, started the
 * way {@code bin/server run} starts it, on a free loopback port: no Arquillian adapter for Liberty resolves here.
 * Switchboard's settings go in as system properties, the WAR stays as built.
 */
final class LibertyServer implements AutoCloseable {

    private static final String SERVER = "switchboard-it";
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final int port;

    private LibertyServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Creates the server, deploys the WAR at {@code /switchboard} and returns once Switchboard's health check answers
     * at {@code healthPath} (relative to the context root: {@code health} in our WAR, under the module's prefix in an
     * application's).
     */
    static LibertyServer start(Path wlp, Path war, Map<String, String> settings, String healthPath)
            throws IOException {
        int port = LoopbackPorts.free();
        Path server = wlp.resolve("usr/servers").resolve(SERVER);
        Files.createDirectories(server.resolve("apps"));
        Files.copy(war, server.resolve("apps/switchboard.war"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(server.resolve("server.xml"), """
                <server description="Switchboard's contract">
                    <featureManager>
                        <feature>webProfile-10.0</feature>
                    </featureManager>
                    <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%d" httpsPort="-1"/>
                    <webApplication location="switchboard.war" contextRoot="/switchboard"/>
                    <applicationManager autoExpand="true"/>
                </server>
                """.formatted(port));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-javaagent:" + wlp.resolve("bin/tools/ws-javaagent.jar"), "-Xmx1g"));
        command.addAll(platformOptions(wlp));
        settings.forEach((name, value) -> command.add("-Dswitchboard." + name + "=" + value));
        command.addAll(List.of("-jar", wlp.resolve("bin/tools/ws-server.jar").toString(), SERVER));
        Path log = server.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("WLP_USER_DIR", wlp.resolve("usr").toString());
        Process process = builder.start();
        LibertyServer liberty = new LibertyServer(process, log, port);
        liberty.awaitHealthy(healthPath);
        return liberty;
    }

    /** The --add-opens and --add-exports that {@code bin/server} passes on Java 9 and later. */
    private static List<String> platformOptions(Path wlp) throws IOException {
        Path options = wlp.resolve("lib/platform/java/java9.options");
        if (!Files.exists(options)) {
            return List.of();
        }
        return Files.readAllLines(options).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/switchboard/");
    }

    private void awaitHealthy(String healthPath) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Liberty exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(baseUri().resolve(healthPath))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        process.destroyForcibly();
        throw new IllegalStateException("Liberty did not serve the WAR within " + STARTUP + ": "
                + Files.readString(log));
    }

    /** SIGTERM, as {@code server stop} would send; Liberty quiesces, the WAR says its goodbyes. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
