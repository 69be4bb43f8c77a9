package dev.switchboard.cluster;

import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.ServerUnderTest;
import dev.switchboard.standalone.StandaloneServer;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** A launcher node on the redis engine, in-process, with a short node timeout so that a dead node is seen soon. */
final class ClusterNode implements ServerUnderTest, AutoCloseable {

    /** How long a node's members stay listed after its last heartbeat, in these tests. */
    static final String NODE_TIMEOUT = "3s";

    private final StandaloneServer server;

    private ClusterNode(StandaloneServer server) {
        this.server = server;
    }

    static ClusterNode start(String nodeId, String redisUri) throws IOException {
        return new ClusterNode(StandaloneServer.start("127.0.0.1", 0, Settings.load(SettingsSource.firstOf(
                SettingsSource.flags(Map.of("engine", "redis", "redis.uri", redisUri, "node.id", nodeId,
                        "redis.node.timeout", NODE_TIMEOUT)),
                SettingsSource.standard()))));
    }

    @Override
    public URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void close() {
        server.close();
    }
}
