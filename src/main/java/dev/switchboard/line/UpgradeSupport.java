package dev.switchboard.line;

import jakarta.servlet.ServletContext;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the container can carry the line protocol over a Servlet HTTP upgrade ({@code HttpServletRequest.upgrade}):
 * a connection of its own, read and written without blocking, ended when the handler ends it. Where it cannot, the
 * line protocol is refused with 501 instead of a switch that would lose lines or stall rooms (see
 * src/docs/conformance.md):
 * <ul>
 *   <li>Jetty 12: its {@code ServletChannel} hands the handler an {@code UpgradedServletInputStream} over the
 *       request's own {@code HttpInput}, which ends with the request's empty body, so the handler is told
 *       {@code onAllDataRead} at once and what the client sends next is parsed as a new HTTP request.</li>
 *   <li>Open Liberty: {@code UpgradeOutputByteBufferUtil.flushHelper} writes synchronously whenever
 *       {@code isReady()} is true, so a flush to a client that stopped reading blocks the thread that flushes (the
 *       room's); and {@code UpgradedWebConnectionImpl.close} leaves the socket open while a read is pending, so a
 *       connection the server ends (quit, slow consumer) stays open until the client sends again.</li>
 *   <li>WildFly (Undertow): when a connection closed with a write still pending (a line client that stopped
 *       reading, closed as a slow consumer) then goes away, {@code UpgradeServletOutputStream$WriteChannelListener}
 *       keeps writing to the closed channel on its I/O thread, forever ({@code jstack}: one I/O thread at 100% CPU in
 *       {@code ClosedChannelException}), and every other connection on that thread stops being served.</li>
 * </ul>
 */
final class UpgradeSupport {

    private UpgradeSupport() {
    }

    /** Why this container cannot carry the line protocol, or empty when it can. */
    static Optional<String> whyNot(ServletContext context) {
        String server = context.getServerInfo() == null ? "" : context.getServerInfo().toLowerCase(Locale.ROOT);
        if (server.startsWith("jetty")) {
            return Optional.of(context.getServerInfo() + " ends an upgraded connection's input at once");
        }
        if (server.contains("wildfly") || server.contains("undertow") || server.contains("jboss")) {
            return Optional.of(context.getServerInfo() + " spins on an upgraded connection closed with a write "
                    + "pending, starving its other connections");
        }
        if (server.contains("liberty") || server.contains("websphere")) {
            return Optional.of(context.getServerInfo() + " blocks on a flush to an upgraded connection that does not "
                    + "read and does not end one the server closes");
        }
        return Optional.empty();
    }
}
