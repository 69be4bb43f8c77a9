package dev.switchboard.app;

import dev.switchboard.http.HealthServlet;
import dev.switchboard.http.RoomsServlet;
import dev.switchboard.http.WebSocketOnlyServlet;
import dev.switchboard.hub.Hub;
import dev.switchboard.upgrade.HandshakeValidationFilter;
import dev.switchboard.upgrade.ReasonPhrases;
import dev.switchboard.websocket.OpenSessions;
import dev.switchboard.websocket.QueueLimits;
import dev.switchboard.websocket.WebSocketEndpoints;
import dev.switchboard.websocket.WebSocketSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Switchboard application instance: its hub, its servlets and its WebSocket endpoints. The WAR builds one
 * per deployment ({@link SwitchboardContextListener}); the launcher builds one per server. Both install it the
 * same way, through the standard {@link ServletContext} and {@link ServerContainer} APIs.
 */
public final class Switchboard {

    /** Largest HTTP request body the API accepts. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(Switchboard.class.getName());
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

    private final Hub hub = new Hub();
    private final OpenSessions openSessions = new OpenSessions();
    private final ExecutorService closer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "switchboard-closer");
        thread.setDaemon(true);
        return thread;
    });
    private final WebSocketSettings webSocketSettings =
            new WebSocketSettings(WebSocketSettings.DEFAULT_MAX_MESSAGE_BYTES, QueueLimits.DEFAULT, closer);

    public Hub hub() {
        return hub;
    }

    public OpenSessions openSessions() {
        return openSessions;
    }

    /** Registers the handshake filter (ahead of any container filter) and the servlets. */
    public void installServlets(ServletContext context) {
        ReasonPhrases.registerUpgradeRequired();
        FilterRegistration.Dynamic filter = context.addFilter("handshake-validation", new HandshakeValidationFilter());
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        addServlet(context, "health", new HealthServlet(), "/health");
        addServlet(context, "rooms", new RoomsServlet(hub, MAX_BODY_BYTES), "/api/rooms", "/api/rooms/*");
        addServlet(context, "websocket-only", new WebSocketOnlyServlet(), "/chat/*", "/echo");
    }

    public void deployEndpoints(ServerContainer container) throws DeploymentException {
        WebSocketEndpoints.deploy(container, hub, openSessions, webSocketSettings);
    }

    /** Says goodbye to every WebSocket (close 1001) and waits briefly for the peers to answer. */
    public void shutdown() {
        openSessions.closeAll();
        try {
            if (!openSessions.awaitAllClosed(CLOSE_GRACE)) {
                LOG.log(Level.INFO, "{0} WebSocket sessions did not answer the close in time",
                        openSessions.count());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closer.shutdown();
    }

    private static void addServlet(ServletContext context, String name, Servlet servlet, String... mappings) {
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
        registration.setAsyncSupported(true);
        registration.addMapping(mappings);
    }
}
