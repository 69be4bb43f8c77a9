package dev.switchboard.standalone;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * Tyrus's engine, seen through its SPI with one addition: each connection it opens moves to the
 * {@link WebSocketChain}, off the HTTP filters it was upgraded on.
 */
final class ChainAdoptingEngine implements WebSocketEngine {

    private final WebSocketEngine engine;
    private final WebSocketChain chain;

    ChainAdoptingEngine(WebSocketEngine engine, WebSocketChain chain) {
        this.engine = engine;
        this.chain = chain;
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
                var grizzly = OpeningConnection.peek();
                Connection opened = upgrade.createConnection(writer, closeListener);
                if (opened != null) {
                    grizzly.ifPresent(connection -> chain.adopt(connection, opened));
                }
                return opened;
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
}
