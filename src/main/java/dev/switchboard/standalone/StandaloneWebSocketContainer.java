package dev.switchboard.standalone;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.Set;

/**
 * Tyrus's WebSocket engine without a server of its own: the launcher attaches it to its Grizzly listener as an
 * add-on, next to the servlets, so WebSocket and HTTP share one port.
 */
final class StandaloneWebSocketContainer extends TyrusServerContainer {

    /** Endpoints are deployed at the root of the listener, as in a WAR at context root "/". */
    private static final String CONTEXT_PATH = "";

    private final WebSocketEngine engine;

    /** Tyrus's own default; a single frame must fit in it whole. */
    private static final int TYRUS_DEFAULT_INCOMING_BUFFER = 4 * 1024 * 1024;

    /**
     * @param maxMessageBytes our message limit: the incoming frame buffer is made large enough for a frame of that
     *                        size, so the limit, not Tyrus's buffer, decides (1009 rather than 1011)
     * @param chain           where connections go once open
     */
    StandaloneWebSocketContainer(int maxMessageBytes, WebSocketChain chain) {
        super((Set<Class<?>>) null);
        // No idle timeout of Tyrus's own (our heartbeat has one): with the default of 0, Tyrus schedules a no-op
        // timeout task for every session and every message; with a negative value it schedules none.
        setDefaultMaxSessionIdleTimeout(-1);
        engine = new ChainAdoptingEngine(TyrusWebSocketEngine.builder(this)
                .incomingBufferSize(Math.max(TYRUS_DEFAULT_INCOMING_BUFFER, maxMessageBytes + 16))
                .build(), chain);
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, CONTEXT_PATH);
    }

    @Override
    public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
        engine.register(serverEndpointConfig, CONTEXT_PATH);
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }

    /**
     * Tyrus's Grizzly add-on for this container. Its class is public (TYRUS-317) but its constructor is not,
     * so we call it reflectively; it is the same add-on Tyrus's own server uses.
     */
    AddOn grizzlyAddOn() {
        try {
            Constructor<WebSocketAddOn> constructor = WebSocketAddOn.class.getDeclaredConstructor(
                    org.glassfish.tyrus.spi.ServerContainer.class, String.class);
            constructor.setAccessible(true);
            return constructor.newInstance(this, CONTEXT_PATH);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Tyrus version has no WebSocketAddOn(ServerContainer, String)", e);
        }
    }
}
