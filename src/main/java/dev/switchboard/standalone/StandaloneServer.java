package dev.switchboard.standalone;

import dev.switchboard.app.Switchboard;
import dev.switchboard.config.Settings;
import dev.switchboard.tls.ServerTls;
import jakarta.websocket.DeploymentException;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.servlet.WebappContext;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.ext.extension.deflate.PerMessageDeflateExtension;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Switchboard on one Grizzly listener: Tyrus for WebSocket upgrades, our servlets for the API, and the web
 * root from the classpath for everything else. What an application server does for the WAR, done by hand.
 */
public final class StandaloneServer implements AutoCloseable {

    /** Where the build puts a copy of {@code webapp/} on the classpath. */
    static final String WEB_ROOT = "/switchboard-webapp/";

    /** The embedded engine's directory when {@code data.dir} is not set: beside where the launcher was started. */
    static final Path DEFAULT_DATA_DIR = Path.of("switchboard-data");

    private static final Logger LOG = Logger.getLogger(StandaloneServer.class.getName());
    /** Connections the kernel may hold for us to accept; it caps this at {@code net.core.somaxconn}. */
    static final int LISTEN_BACKLOG = 65_535;

    private final Switchboard switchboard;
    private final HttpServer http = new HttpServer();
    private final StandaloneWebSocketContainer webSocket;
    private final WebappContext web = new WebappContext("switchboard", "");
    private final NetworkListener listener;
    private final RequestHeadDeadline requestHeadDeadline;
    private final ServerTls tls;

    private StandaloneServer(String host, int port, Settings settings) {
        // Before anything starts: unusable certificate files stop the start with the reason.
        tls = settings.tls().enabled() ? ServerTls.start(settings.tls()) : null;
        switchboard = new Switchboard(settings, new GrizzlyWires(tls != null), () -> DEFAULT_DATA_DIR);
        WebSocketChain webSocketChain = new WebSocketChain(settings.maxMessageBytes());
        webSocket = new StandaloneWebSocketContainer(settings.maxMessageBytes(), webSocketChain);
        listener = new NetworkListener("switchboard", host, port);
        // Grizzly's idle timeout filter uses this for every connection; HandshakeValidationAddOn exempts upgraded ones.
        listener.getKeepAlive().setIdleTimeoutInSeconds(
                (int) Math.max(1, settings.httpIdleTimeout().toSeconds()));
        // WebSocket frames are handled on the selector thread that read them: our endpoints only enqueue (the
        // flusher writes), so nothing there blocks, and a read costs no hand-off to another thread. Servlets and
        // static files may block; Grizzly's HTTP handlers run them on the worker pool, which this strategy would
        // otherwise not create.
        listener.getTransport().setIOStrategy(SameThreadIOStrategy.getInstance());
        // A reconnect storm brings thousands of connections within milliseconds; past a full accept queue the kernel
        // drops them and, with SYN cookies, resets some. The kernel caps this at net.core.somaxconn (deploy/README.md).
        listener.getTransport().setServerConnectionBackLog(LISTEN_BACKLOG);
        listener.getTransport().setSelectorHandler(new FlushingSelectorHandler());
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig().copy()
                .setPoolName("switchboard-http"));
        if (tls != null) {
            listener.setSecure(true);
            listener.setSSLEngineConfig(new SSLEngineConfigurator(tls.context(), false, false, false)
                    .setEnabledProtocols(ServerTls.PROTOCOLS));
            listener.registerAddOn(new PlainRequestOnTlsPort());
        }
        requestHeadDeadline = new RequestHeadDeadline(settings.httpHeaderTimeout());
        listener.registerAddOn(requestHeadDeadline);
        listener.registerAddOn(new HandshakeValidationAddOn(switchboard.handshakeValidator()));
        listener.registerAddOn(webSocket.grizzlyAddOn());
        listener.registerAddOn(webSocketChain);
        http.addListener(listener);
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) and starts serving with these settings.
     *
     * @throws java.net.BindException when the address is taken
     */
    public static StandaloneServer start(String host, int port, Settings settings) throws IOException {
        StandaloneServer server = new StandaloneServer(host, port, settings);
        server.startServing();
        return server;
    }

    private void startServing() throws IOException {
        switchboard.installServlets(web);
        web.deploy(http);
        http.getServerConfiguration().addHttpHandler(
                new CLStaticHttpHandler(StandaloneServer.class.getClassLoader(), WEB_ROOT), "/");
        try {
            switchboard.deployEndpoints(webSocket, switchboard.settings().permessageDeflate()
                    ? List.of(new PerMessageDeflateExtension()) : List.of());
            webSocket.start("", listener.getPort());
        } catch (DeploymentException e) {
            throw new IllegalStateException("cannot deploy the WebSocket endpoints", e);
        } finally {
            webSocket.doneDeployment();
        }
        try {
            http.start();
        } catch (IOException e) {
            webSocket.stop();
            switchboard.shutdown();
            requestHeadDeadline.close();
            throw e;
        }
    }

    public String host() {
        return listener.getHost();
    }

    /** The bound port, also when 0 was asked for. */
    public int port() {
        return listener.getPort();
    }

    public URI baseUri() {
        String host = host().contains(":") ? "[" + host() + "]" : host();
        return URI.create((tls != null ? "https://" : "http://") + host + ":" + port() + "/");
    }

    public Switchboard switchboard() {
        return switchboard;
    }

    /** Sends every WebSocket what is queued for it and closes it with 1001, then stops HTTP and releases the port. */
    @Override
    public void close() {
        switchboard.shutdown();
        try {
            http.shutdown(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "graceful HTTP shutdown did not finish; stopping now", e);
            http.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.shutdownNow();
        }
        webSocket.stop();
        web.undeploy();
        requestHeadDeadline.close();
    }
}
