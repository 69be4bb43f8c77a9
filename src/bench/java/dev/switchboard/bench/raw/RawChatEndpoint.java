package dev.switchboard.bench.raw;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plainest broadcast a Jakarta WebSocket application can write: every text a member sends goes to every member of
 * its room with {@code getAsyncRemote().sendText}, nothing kept, nothing announced.
 */
@ServerEndpoint("/chat/{room}")
public final class RawChatEndpoint {

    private static final Map<String, Set<Session>> ROOMS = new ConcurrentHashMap<>();

    @OnOpen
    public void onOpen(Session session, @PathParam("room") String room) {
        ROOMS.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
    }

    @OnMessage
    public void onMessage(String text, @PathParam("room") String room) {
        for (Session member : ROOMS.getOrDefault(room, Set.of())) {
            member.getAsyncRemote().sendText(text);
        }
    }

    @OnClose
    public void onClose(Session session, @PathParam("room") String room) {
        Set<Session> members = ROOMS.get(room);
        if (members != null) {
            members.remove(session);
        }
    }
}
