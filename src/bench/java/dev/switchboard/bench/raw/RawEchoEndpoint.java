package dev.switchboard.bench.raw;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** The plainest echo a Jakarta WebSocket application can write: every text goes back, asynchronously. */
@ServerEndpoint("/echo")
public final class RawEchoEndpoint {

    @OnMessage
    public void onMessage(String text, Session session) {
        session.getAsyncRemote().sendText(text);
    }
}
