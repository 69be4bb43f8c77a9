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
        String server = context.getServerInfo();
        return server == null || !server.toLowerCase(Locale.ROOT).startsWith("jetty");
    }
}
