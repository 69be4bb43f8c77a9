package dev.switchboard.bench.target;

import dev.switchboard.bench.raw.RawChatEndpoint;
import dev.switchboard.bench.raw.RawEchoEndpoint;
import org.glassfish.tyrus.server.Server;

import java.util.Map;

/**
 * {@code RawTyrusServer PORT}: the plainest Jakarta WebSocket server on our stack, Tyrus's own {@link Server} with
 * the two annotated endpoints of {@code dev.switchboard.bench.raw} and every default. The yardstick for what Switchboard adds or saves.
 */
public final class RawTyrusServer {

    static final String READY = "raw Tyrus ready";

    private RawTyrusServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Server server = new Server("127.0.0.1", port, "/", Map.of(), RawChatEndpoint.class, RawEchoEndpoint.class);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println(READY + " on port " + port);
        Thread.currentThread().join();
    }
}
