package dev.switchboard.bench.target;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import org.glassfish.tyrus.server.Server;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code RawTyrusServer PORT}: the plainest Jakarta WebSocket server on our stack, Tyrus's own {@link Server} with
 * two annotated endpoints and every default. The yardstick for what Switchboard adds or saves.
 */
public final class RawTyrusServer {

    static final String READY = "raw Tyrus ready";

    private RawTyrusServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Server server = new Server("127.0.0.1", port, "/", Map.of(), Chat.class, Echo.class);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println(READY + " on port " + port);
        Thread.currentThread().join();
    }

    /** Sends every text back. */
    @ServerEndpoint("/echo")
    public static final class Echo {
        @OnMessage
        public void onMessage(String text, Session session) {
            session.getAsyncRemote().sendText(text);
        }
    }

    /** Broadcasts every text a member sends to every member of its room. */
    @ServerEndpoint("/chat/{room}")
    public static final class Chat {
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
}
