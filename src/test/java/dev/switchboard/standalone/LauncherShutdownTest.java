package dev.switchboard.standalone;

import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.Goodbye;
import dev.switchboard.contract.RawWebSocket;
import dev.switchboard.hub.Room;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping the launcher: queued messages are flushed to every member before close 1001. */
class LauncherShutdownTest {

    @Test
    void onStopAMemberWithABacklogGetsAllItsMessagesThenClose1001() throws Exception {
        // A queue big enough that the backlog waits in it rather than closing the member as a slow consumer.
        Settings settings = Settings.load(SettingsSource.flags(Map.of(
                "queue.max.bytes", String.valueOf(64 << 20), "queue.max.messages", "100000", "engine", "memory")));
        StandaloneServer server = StandaloneServer.start("127.0.0.1", 0, settings);
        URI base = server.baseUri();
        try (RawWebSocket reader = RawWebSocket.open(base, "chat/goodbye?name=reader", 4096)) {
            reader.readFrame(); // welcome; from now on it reads nothing until the server is stopping
            Room room = server.switchboard().hub().room("goodbye");
            int published = 4000;
            String text = "x".repeat(4000);
            for (int i = 1; i <= published; i++) {
                room.publish("bot", text, null);
            }
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            while (!server.switchboard().connections().isShuttingDown()) {
                Thread.onSpinWait();
            }
            assertTrue(server.switchboard().connections().count() > 0, "the reader is still connected");
            Goodbye.assertMessagesThenGoingAway(reader, published);
            stopping.join();
        }
    }
}
