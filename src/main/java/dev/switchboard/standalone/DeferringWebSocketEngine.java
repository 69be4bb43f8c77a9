package dev.switchboard.standalone;

import dev.switchboard.hub.Flusher;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

import java.nio.ByteBuffer;

/**
 * Tyrus's engine, seen through its SPI with one change: everything our endpoints send while Tyrus handles one read
 * (all the frames that arrived together) or opens one connection (welcome, join events) is written when Tyrus is
 * done, not message by message ({@link Flusher#defer()}). Ten echoes that came in one read leave in one write, as
 * an event loop that flushes at the end of a read would send them.
 */
final class DeferringWebSocketEngine implements WebSocketEngine {

    private final WebSocketEngine engine;

    DeferringWebSocketEngine(WebSocketEngine engine) {
        this.engine = engine;
    }

    @Override
    public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
        UpgradeInfo upgrade = engine.upgrade(request, response);
        return new UpgradeInfo() {
            @Override
            public UpgradeStatus getStatus() {
                return upgrade.getStatus();
            }

            @Override
            public Connection createConnection(Writer writer, Connection.CloseListener closeListener) {
                try (Flusher.Deferral welcomeAfterOpen = Flusher.defer()) {
                    return deferringReads(upgrade.createConnection(writer, closeListener));
                }
            }
        };
    }

    @Override
    public void register(Class<?> endpointClass, String contextPath) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig serverConfig, String contextPath) throws DeploymentException {
        engine.register(serverConfig, contextPath);
    }

    private static Connection deferringReads(Connection connection) {
        if (connection == null) {
            return null;
        }
        ReadHandler reads = connection.getReadHandler();
        ReadHandler deferring = (ByteBuffer data) -> {
            try (Flusher.Deferral repliesAfterRead = Flusher.defer()) {
                reads.handle(data);
            }
        };
        return new Connection() {
            @Override
            public ReadHandler getReadHandler() {
                return deferring;
            }

            @Override
            public Writer getWriter() {
                return connection.getWriter();
            }

            @Override
            public CloseListener getCloseListener() {
                return connection.getCloseListener();
            }

            @Override
            public void close(CloseReason reason) {
                connection.close(reason);
            }
        };
    }
}
