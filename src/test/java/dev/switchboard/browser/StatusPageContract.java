package dev.switchboard.browser;

import dev.switchboard.contract.ServerUnderTest;
import dev.switchboard.contract.WsClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code status.html}: live numbers and charts from {@code /metrics}, in a real browser. */
public interface StatusPageContract extends ServerUnderTest {

    /** The page samples every 2 s and needs two samples for a rate; generous for a loaded machine. */
    Duration MOVES_WITHIN = Duration.ofSeconds(60);

    /** Names the runtime in screenshot files. */
    String runtimeName();

    @Test
    default void theStatusPageShowsConnectionsAndMessagesMovingWhileMessagesArePublished() throws Exception {
        String room = "status-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser page = Browser.start();
             WsClient watcher = WsClient.connect(ws("chat/" + room + "?name=watcher"))) {
            watcher.expect("welcome");
            page.openPage(http("status.html"));
            page.awaitState("live");
            long deadline = System.nanoTime() + MOVES_WITHIN.toNanos();
            // Publishing paced by each message's round trip to the watcher, until the page has drawn the traffic.
            while (!(page.number("messages-rate") > 0 && page.number("deliveries-rate") > 0
                    && page.text("rooms").contains(room))) {
                assertTrue(System.nanoTime() < deadline, () -> "the status page did not move within " + MOVES_WITHIN
                        + ": messages/s " + page.text("messages-rate") + ", rooms " + page.text("rooms"));
                publish(room, "bot", "tick");
                watcher.nextOfType("message");
            }
            assertTrue(page.number("connections-websocket") >= 1, page.text("connections-websocket"));
            assertTrue(Integer.parseInt(page.attribute("chart-messages", "data-samples")) >= 2);
            assertTrue(Double.parseDouble(page.attribute("chart-messages", "data-last").split(",")[0]) >= 0);
            page.screenshot(runtimeName() + "-status");
        }
    }
}
