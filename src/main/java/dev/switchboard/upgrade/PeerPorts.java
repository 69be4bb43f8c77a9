package dev.switchboard.upgrade;

/**
 * Jakarta WebSocket tells an endpoint nothing about the TCP connection it runs on. For the handshake inspector,
 * our handshake filter (servlet or Grizzly) adds the connection's ports to the {@code /inspect} request as these
 * headers, after removing any a client sent, and the inspector takes them out again before it reports.
 */
public final class PeerPorts {

    public static final String LOCAL_PORT_HEADER = "X-Switchboard-Local-Port";
    public static final String REMOTE_PORT_HEADER = "X-Switchboard-Remote-Port";
    public static final String INSPECT_PATH = "/inspect";

    private PeerPorts() {
    }

    /** True for the request paths whose handshake gets the port headers. */
    public static boolean wanted(String path) {
        return INSPECT_PATH.equals(path);
    }

    public static boolean isPortHeader(String name) {
        return LOCAL_PORT_HEADER.equalsIgnoreCase(name) || REMOTE_PORT_HEADER.equalsIgnoreCase(name);
    }
}
