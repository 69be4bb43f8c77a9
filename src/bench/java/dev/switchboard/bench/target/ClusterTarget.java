package dev.switchboard.bench.target;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code launcher-cluster}: two launcher nodes on the {@code redis} engine sharing one {@code redis-server} (AOF with
 * an fsync per write, as {@code deploy/cluster/} recommends). Members are spread over the nodes by the number in
 * their name, and a member that reconnects with {@code since} goes to the other node: the fan-out room is split in
 * half with the publisher on node A, and {@code recover} catches up across nodes. Server CPU is node A's.
 */
public final class ClusterTarget extends SwitchboardTarget {

    private static final Set<String> SCENARIOS = Set.of("fanout", "publish", "recover");

    private final Path build;
    private final List<String> jvmOptions;
    private volatile int portB;

    public ClusterTarget(Path build, List<String> jvmOptions) {
        super(jvmOptions);
        this.build = build;
        this.jvmOptions = jvmOptions;
    }

    @Override
    public String name() {
        return "launcher-cluster";
    }

    @Override
    public String description() {
        return "two Switchboard launchers, engine redis, on one redis-server (appendfsync always); members split "
                + "over the nodes, the publisher on node A";
    }

    @Override
    public boolean offers(String scenario) {
        return SCENARIOS.contains(scenario);
    }

    @Override
    public RunningServer start(int port, Path logFile) throws IOException, InterruptedException {
        int redisPort = freePort();
        Path redisDir = Path.of(logFile + ".redis");
        LauncherTarget.deleteRecursively(redisDir);
        java.nio.file.Files.createDirectories(redisDir);
        RunningServer redis = RunningServer.start(List.of("redis-server", "--port", String.valueOf(redisPort),
                        "--bind", "127.0.0.1", "--dir", redisDir.toString(), "--appendonly", "yes",
                        "--appendfsync", "always", "--save", "", "--maxmemory-policy", "noeviction"),
                "Ready to accept connections", Path.of(logFile + ".redis.log"),
                () -> new RunningServer.LiveMemory(0, "redis"));
        try {
            String uri = "redis://127.0.0.1:" + redisPort + "/0";
            int otherPort = freePort();
            RunningServer nodeB = node("node-b", uri).start(otherPort, Path.of(logFile + ".node-b.log"));
            RunningServer nodeA;
            try {
                nodeA = node("node-a", uri).start(port, logFile);
            } catch (IOException | InterruptedException e) {
                nodeB.close();
                throw e;
            }
            portB = otherPort;
            return nodeA.with(nodeB).with(redis);
        } catch (IOException | InterruptedException | RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    private LauncherTarget node(String id, String redisUri) {
        return new LauncherTarget(build, jvmOptions, "redis", Map.of("redis.uri", redisUri, "node.id", id));
    }

    /** Odd-numbered members on node B, the others on A; a reconnect ({@code since}) on the other one. */
    @Override
    public URI chat(int port, String room, String member, long since) {
        int node = (trailingNumber(member) + (since >= 0 ? 1 : 0)) % 2;
        return super.chat(node == 0 ? port : portB, room, member, since);
    }

    private static int trailingNumber(String name) {
        int start = name.length();
        while (start > 0 && Character.isDigit(name.charAt(start - 1))) {
            start--;
        }
        return start == name.length() ? 0 : (int) (Long.parseLong(name.substring(start)) % 2);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
