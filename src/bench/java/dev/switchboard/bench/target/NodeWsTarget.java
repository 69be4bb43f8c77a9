package dev.switchboard.bench.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/** The Node {@code ws} peer ({@code src/bench/peers/ws-server.js}), installed from npm by the bench profile. */
public final class NodeWsTarget implements Target {

    private final Path script;

    public NodeWsTarget(Path build) {
        this.script = build.resolve("bench/peers/ws-server.js");
    }

    @Override
    public String name() {
        return "node-ws";
    }

    @Override
    public String description() {
        return "Node " + nodeVersion() + " with `ws` " + wsVersion() + " (src/bench/peers/ws-server.js), "
                + "broadcasting plain text; a chat join sends a JSON welcome and join events, as Switchboard's does";
    }

    @Override
    public RunningServer start(int port, Path logFile) throws IOException, InterruptedException {
        return RunningServer.start(List.of("node", "--expose-gc", script.toString(), String.valueOf(port)), "ready",
                logFile, () -> collectGarbage(port));
    }

    /** The peer's {@code /gc}: a full V8 collection, then its heap in use plus the memory its objects own outside. */
    private RunningServer.LiveMemory collectGarbage(int port) {
        try {
            // HTTP/1.1 without the JDK client's h2c upgrade offer, which ws answers as a bad WebSocket handshake.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String usage = http.send(HttpRequest.newBuilder(base(port).resolve("gc")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonNode memory = new ObjectMapper().readTree(usage);
            return new RunningServer.LiveMemory(memory.path("heapUsed").asLong() + memory.path("external").asLong(),
                    usage);
        } catch (IOException e) {
            throw new IllegalStateException("the Node peer did not collect garbage", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String nodeVersion() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return new String(node.getInputStream().readAllBytes()).trim();
        } catch (IOException e) {
            return "(unknown version)";
        }
    }

    private String wsVersion() {
        try {
            String manifest = Files.readString(script.resolveSibling("node_modules/ws/package.json"));
            var matcher = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(manifest);
            return matcher.find() ? matcher.group(1) : "?";
        } catch (IOException e) {
            return "?";
        }
    }
}
