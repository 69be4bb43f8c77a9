package dev.switchboard.app;

import dev.switchboard.config.AuthMode;
import dev.switchboard.config.Settings;
import dev.switchboard.http.HealthServlet;
import dev.switchboard.http.PageServlet;
import dev.switchboard.http.RoomsServlet;
import dev.switchboard.http.WebSocketOnlyServlet;
import dev.switchboard.hub.Flusher;
import dev.switchboard.auth.Access;
import dev.switchboard.hub.Hub;
import dev.switchboard.logging.ConnectionLog;
import dev.switchboard.metrics.Meters;
import dev.switchboard.metrics.MetricsServlet;
import dev.switchboard.hub.RoomLimits;
import dev.switchboard.hub.RoomEngine;
import dev.switchboard.limits.ConnectionBudget;
import dev.switchboard.limits.OriginPolicy;
import dev.switchboard.line.LineConnections;
import dev.switchboard.line.LineServlet;
import dev.switchboard.upgrade.HandshakeValidationFilter;
import dev.switchboard.upgrade.HandshakeValidator;
import dev.switchboard.upgrade.ReasonPhrases;
import dev.switchboard.websocket.Connections;
import dev.switchboard.websocket.WebSocketEndpoints;
import dev.switchboard.websocket.WebSocketWires;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.function.Supplier;
import java.util.List;

/**
 * One Switchboard application instance: its settings, hub, connections, servlets and WebSocket endpoints. The
 * WAR builds one per deployment ({@link SwitchboardContextListener}); the launcher builds one per server. Both
 * install it the same way, through the standard {@link ServletContext} and {@link ServerContainer} APIs.
 */
public final class Switchboard {

    /** Largest HTTP request body the API accepts. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final Settings settings;
    private final Access access;
    private final Meters meters = new Meters();
    private final Flusher flusher;
    private final Hub hub;
    private final Connections connections;
    private final HandshakeValidator handshakeValidator;
    private final LineConnections lineConnections;
    private final ConnectionBudget budget;
    /** Where our paths start under the context root: "" (our WAR, the launcher) or e.g. "/switchboard". */
    private final String pathPrefix;

    /**
     * An instance whose WebSockets send through the portable {@code RemoteEndpoint.Async}, deployed at this context
     * path (which names its default data directory).
     */
    public Switchboard(Settings settings, String contextPath) {
        this(settings, WebSocketWires.PORTABLE, () -> ServerDataDirectory.forContext(contextPath),
                settings.pathPrefix());
    }

    /**
     * @param wires          how WebSocket connections' messages reach the network
     * @param defaultDataDir the embedded engine's directory when {@code data.dir} is not set
     * @throws RuntimeException with a sentence that says why, when the engine cannot start
     */
    public Switchboard(Settings settings, WebSocketWires wires, Supplier<Path> defaultDataDir) {
        this(settings, wires, defaultDataDir, "");
    }

    private Switchboard(Settings settings, WebSocketWires wires, Supplier<Path> defaultDataDir, String pathPrefix) {
        this.settings = settings;
        this.pathPrefix = pathPrefix;
        this.access = new Access(settings.auth(), settings.auth().mode() == AuthMode.CUSTOM
                ? Extensions.identityResolver(settings.auth().resolver()) : null);
        boolean metered = !settings.metrics().equals("off");
        RoomEngine created = Engines.create(settings, defaultDataDir);
        RoomEngine engine = metered ? meters.metered(created) : created;
        this.flusher = Flusher.perProcessor("switchboard-flusher");
        if (metered) {
            meters.traffic(flusher.traffic());
        } else {
            flusher.uncounted();
        }
        this.hub = new Hub(java.time.Clock.systemUTC(), new RoomLimits(settings.historySize(),
                settings.welcomeMembersMax(), settings.presenceEventsMaxMembers(), settings.maxRooms(), settings.roomIdleTimeout(),
                settings.historyMemoryMaxBytes()), engine, flusher.traffic(),
                Extensions.messagePolicy(settings.messagePolicy()), Extensions.roomPolicy(settings.roomPolicy()));
        this.budget = new ConnectionBudget(settings.maxConnections(), settings.maxConnectionsPerAddress());
        ConnectionLog connectionLog = new ConnectionLog(settings.logConnections());
        this.connections = new Connections(settings, wires, flusher, budget, meters, connectionLog);
        this.lineConnections = new LineConnections(connections::runLater, connections::offThread, flusher, budget,
                meters, connectionLog);
        meters.gauge("switchboard.connections", "open connections, by transport", "transport", "websocket",
                connections::count);
        meters.gauge("switchboard.connections", "open connections, by transport", "transport", "line",
                lineConnections::count);
        meters.gauge("switchboard.rooms", "rooms open on this node", hub::openRooms);
        meters.gauge("switchboard.history.bytes", "what the open rooms' histories hold in memory", hub::historyBytes);
        this.handshakeValidator = new HandshakeValidator(
                new OriginPolicy(settings.allowedOrigins(), settings.requireOrigin()), access, settings.trustedProxies(),
                budget::hasRoomFor, meters::handshakeRefused);
    }

    public Settings settings() {
        return settings;
    }

    public Hub hub() {
        return hub;
    }

    public Connections connections() {
        return connections;
    }

    public HandshakeValidator handshakeValidator() {
        return handshakeValidator;
    }

    /** Where our paths start under the context root: "" or e.g. {@code /switchboard} (see {@code path.prefix}). */
    public String pathPrefix() {
        return pathPrefix;
    }

    /**
     * Registers the handshake filter (ahead of any container filter) and the servlets under the path prefix; with a
     * prefix, also the pages (our own WAR serves them from its web root).
     */
    public void installServlets(ServletContext context) {
        ReasonPhrases.registerUpgradeRequired();
        FilterRegistration.Dynamic filter = context.addFilter("switchboard-handshake-validation",
                new HandshakeValidationFilter(handshakeValidator, access, pathPrefix));
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, pathPrefix + "/*");
        addServlet(context, "switchboard-health", new HealthServlet(budget::open, hub), "/health");
        addServlet(context, "switchboard-rooms", new RoomsServlet(hub, MAX_BODY_BYTES, settings.trustedProxies(),
                settings.publishRatePerSecond(), settings.publishRateBurst(), access, meters), "/api/rooms", "/api/rooms/*");
        if (!settings.metrics().equals("off")) {
            addServlet(context, "switchboard-metrics", new MetricsServlet(meters, access,
                    settings.metrics().equals("api-key")), "/metrics");
        }
        addServlet(context, "switchboard-websocket-only", new WebSocketOnlyServlet(), "/chat/*", "/echo", "/inspect");
        addServlet(context, "switchboard-line", new LineServlet(hub, access, settings, lineConnections), "/line/*");
        if (!pathPrefix.isEmpty()) {
            addServlet(context, "switchboard-pages", new PageServlet(), "/*");
        }
    }

    /**
     * Deploys the endpoints, offering these extensions on {@code /chat} and {@code /echo}, and starts the heartbeat.
     */
    public void deployEndpoints(ServerContainer container, List<Extension> extensions) throws DeploymentException {
        WebSocketEndpoints.deploy(container, pathPrefix, hub, access, connections, settings, extensions);
        connections.start();
    }

    /** Says goodbye to every connection: queued messages first, then close 1001 (or a last line). */
    public void shutdown() {
        lineConnections.shutdown(settings.shutdownGrace());
        connections.shutdown();
        flusher.close();
        hub.close();
    }

    private void addServlet(ServletContext context, String name, Servlet servlet, String... mappings) {
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
        if (registration == null) {
            throw new IllegalStateException("the application already has a servlet named " + name);
        }
        registration.setAsyncSupported(true);
        java.util.Set<String> taken = registration.addMapping(java.util.Arrays.stream(mappings)
                .map(mapping -> pathPrefix + mapping).toArray(String[]::new));
        if (!taken.isEmpty()) {
            throw new IllegalStateException("the application already maps " + taken + "; set path.prefix to a path "
                    + "of Switchboard's own");
        }
    }
}
