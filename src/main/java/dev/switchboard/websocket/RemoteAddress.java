package dev.switchboard.websocket;

import jakarta.websocket.Session;

import java.lang.reflect.Method;

/**
 * The client address of a WebSocket session: what our handshake filter found (the peer, or the client a trusted
 * proxy named), kept by {@link EndpointFactory}. Failing that, Tyrus (the launcher's and GlassFish's) offers
 * {@code getRemoteAddr()} on its session, which we call reflectively so the WAR does not link against container
 * classes; other containers report "unknown", which then shares one per-address budget.
 */
final class RemoteAddress {

    static final String UNKNOWN = "unknown";

    private RemoteAddress() {
    }

    static String of(Session session) {
        Object filtered = session.getUserProperties().get(EndpointFactory.CLIENT_ADDRESS);
        if (filtered instanceof String address) {
            return address;
        }
        try {
            Method getRemoteAddr = session.getClass().getMethod("getRemoteAddr");
            Object address = getRemoteAddr.invoke(session);
            return address == null ? UNKNOWN : address.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return UNKNOWN;
        }
    }
}
