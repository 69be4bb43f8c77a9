package dev.switchboard.example;

import dev.switchboard.app.SwitchboardConfigurator;
import dev.switchboard.websocket.RoomMembership;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * An application's own WebSocket endpoint in Switchboard rooms: {@code /lobby/{table}?player=NAME} joins the room
 * {@code lobby-{table}}; every text frame is said there, and every room event comes back as JSON.
 */
@ServerEndpoint(value = "/lobby/{table}", configurator = SwitchboardConfigurator.class)
public class LobbyEndpoint {

    private RoomMembership membership;

    @OnOpen
    public void open(Session session, @PathParam("table") String table) {
        String player = session.getRequestParameterMap().getOrDefault("player", java.util.List.of("guest")).get(0);
        membership = RoomMembership.join(session, "lobby-" + table, player).orElse(null);
    }

    @OnMessage
    public void message(String text) {
        membership.say(text);
    }

    @OnClose
    public void close() {
        if (membership != null) {
            membership.leave();
        }
    }
}
