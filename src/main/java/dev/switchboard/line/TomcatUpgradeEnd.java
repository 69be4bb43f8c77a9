package dev.switchboard.line;

import jakarta.servlet.http.WebConnection;

import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends an upgraded connection's socket in Tomcat. Tomcat's {@code WebConnection.close()} only marks its streams
 * closed; the socket is closed when the poller next dispatches the connection
 * ({@code UpgradeProcessorExternal.dispatch}), which, once nothing is left to write, happens only when the client
 * sends something. A client that said {@code /quit} and waits for the end of the stream would wait forever. This closes
 * Tomcat's socket wrapper itself ({@code SocketWrapperBase.close()}, which also releases the processor and destroys
 * the upgrade handler, as Tomcat does on an error), through reflection so that the WAR links against no container.
 * Anywhere else it does nothing.
 */
final class TomcatUpgradeEnd {

    private static final Logger LOG = Logger.getLogger(TomcatUpgradeEnd.class.getName());
    private static final String TOMCAT_CONNECTION = "org.apache.coyote.http11.upgrade.UpgradeProcessorExternal";

    private TomcatUpgradeEnd() {
    }

    /** Call after {@code connection.close()}: what was written is flushed by then. */
    static void closeSocket(WebConnection connection) {
        if (!connection.getClass().getName().equals(TOMCAT_CONNECTION)) {
            return;
        }
        try {
            Object output = connection.getOutputStream();
            Field socketWrapper = output.getClass().getDeclaredField("socketWrapper");
            socketWrapper.setAccessible(true);
            Object wrapper = socketWrapper.get(output);
            wrapper.getClass().getMethod("close").invoke(wrapper);
        } catch (ReflectiveOperationException | java.io.IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not close Tomcat's socket of an upgraded connection", e);
        }
    }
}
