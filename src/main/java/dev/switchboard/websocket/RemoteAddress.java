package dev.switchboard.websocket;

import jakarta.websocket.Session;

import java.lang.reflect.Method;

/**
 * The peer address of a WebSocket session. Jakarta WebSocket has no API for it; Tyrus (the launcher's and
 * GlassFish's) offers {@code getRemoteAddr()} on its session, which we call reflectively so the WAR does not link
 * against container classes. Other containers report "unknown", which then shares one per-address budget.
 */
final class RemoteAddress {

    static final String UNKNOWN = "unknown";

    private RemoteAddress() {
    }

    static String of(Session session) {
        try {
            Method getRemoteAddr = session.getClass().getMethod("getRemoteAddr");
            Object address = getRemoteAddr.invoke(session);
            return address == null ? UNKNOWN : address.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return UNKNOWN;
        }
    }
}
