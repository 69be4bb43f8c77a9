package dev.switchboard.line;

import jakarta.servlet.ServletContext;

import java.util.Locale;

/**
 * Whether the container keeps a Servlet HTTP upgrade ({@code HttpServletRequest.upgrade}) open as a connection of its
 * own. Jetty 12 does not: its {@code ServletChannel} hands the handler an {@code UpgradedServletInputStream} over the
 * request's own {@code HttpInput}, which ends with the request's empty body, so the handler is told
 * {@code onAllDataRead} at once and what the client sends next is parsed as a new HTTP request (see
 * src/docs/conformance.md). There the line protocol is refused with 501 instead of a switch that cannot work.
 */
final class UpgradeSupport {

    private UpgradeSupport() {
    }

    static boolean keepsUpgradedConnectionsOpen(ServletContext context) {
        return !serverInfo(context).startsWith("jetty");
    }

    /**
     * Whether the handler must make the first read itself once it has set its {@code ReadListener}. Grizzly
     * (GlassFish, Payara, the launcher) arms read notifications only after {@code isReady()} has said no, so bytes that
     * came with the request are never announced; Tomcat and Undertow take a read from the listener's thread as well.
     * Open Liberty must not be read outside its own callback: it announces those bytes itself, and a read of ours
     * beside its pending one releases the buffer under it ("Invalid call to WsByteBuffer method. Buffer has already
     * been released") and loses what arrives later (see src/docs/conformance.md).
     */
    static boolean needsFirstReadByHandler(ServletContext context) {
        String server = serverInfo(context);
        return !(server.contains("liberty") || server.contains("websphere"));
    }

    private static String serverInfo(ServletContext context) {
        String server = context.getServerInfo();
        return server == null ? "" : server.toLowerCase(Locale.ROOT);
    }
}
