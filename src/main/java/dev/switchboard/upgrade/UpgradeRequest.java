package dev.switchboard.upgrade;

import java.security.Principal;

/** The parts of an HTTP request that the handshake checks read, whatever server parsed it. */
public interface UpgradeRequest {

    String method();

    /** The path inside the application, without context root or query, e.g. {@code /chat/lobby}. */
    String path();

    /** All values of a header joined with commas, or {@code null}; names are case-insensitive. */
    String header(String name);

    /** The first value of a query parameter, or {@code null}. */
    String queryParameter(String name);

    /** The peer's IP address. */
    String remoteAddress();

    /** Whether the request came over TLS. */
    boolean secure();

    /** The application server's authenticated principal, or null (none, or no container security). */
    default Principal principal() {
        return null;
    }

    /** Whether that principal has the role. */
    default boolean isUserInRole(String role) {
        return false;
    }
}
