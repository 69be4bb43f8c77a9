package dev.switchboard.upgrade;

/**
 * Jakarta WebSocket tells an endpoint nothing about the TCP connection it runs on. Our handshake filter (servlet or
 * Grizzly) therefore adds what it knows to each WebSocket handshake as headers, after removing any a client sent:
 * the client's address as {@link dev.switchboard.proxy.TrustedProxies} decided it (every handshake), and for the
 * handshake inspector the connection's ports. The endpoints read them and the inspector does not report them.
 */
public final class PeerPorts {

    public static final String LOCAL_PORT_HEADER = "X-Switchboard-Local-Port";
    public static final String REMOTE_PORT_HEADER = "X-Switchboard-Remote-Port";
    public static final String CLIENT_ADDRESS_HEADER = "X-Switchboard-Client-Address";
    public static final String INSPECT_PATH = "/inspect";

    private PeerPorts() {
    }

    /** True for the request paths whose handshake gets the port headers. */
    public static boolean wanted(String path) {
        return INSPECT_PATH.equals(path);
    }

    /** Whether a header is one of ours, which only our filter may set. */
    public static boolean isOurs(String name) {
        return LOCAL_PORT_HEADER.equalsIgnoreCase(name) || REMOTE_PORT_HEADER.equalsIgnoreCase(name)
                || CLIENT_ADDRESS_HEADER.equalsIgnoreCase(name);
    }
}
