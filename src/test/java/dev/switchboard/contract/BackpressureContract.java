package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One member that stops reading never slows the room: it is closed as a slow consumer, the others carry on. */
public interface BackpressureContract extends ServerUnderTest {

    /** What the server may hold for a stalled member: its queue (1 MiB) plus socket buffers, with margin. */
    long STALL_BOUND_BYTES = 24L * 1024 * 1024;

    /**
     * Whether the runtime gets a close frame through to a peer whose TCP window is full. GlassFish's Tyrus
     * servlet writer discards queued frames, the close frame included, when it closes the connection, so such a
     * peer sees the connection end without one (1006); see src/docs/conformance.md.
     */
    default boolean closeFrameReachesAStalledPeer() {
        return true;
    }

    @Test
    default void aMemberThatStopsReadingIsClosedAsASlowConsumerWhileTheOthersKeepReceiving() throws Exception {
        String room = Rooms.fresh();
        String text = "é".repeat(4096);
        int messageBytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        Histogram latencyMicros = new Histogram(3);
        WsClient healthy = WsClient.connect(ws("chat/" + room + "?name=healthy"));
        healthy.expect("welcome"); // before the next join: opens may run in either order (see ChatContract.joined)
        try (healthy; RawWebSocket stalled = RawWebSocket.open(baseUri(), "chat/" + room + "?name=stalled", 4096)) {
            assertEquals("stalled", healthy.expect("join").path("name").asText());
            long published = 0;
            boolean stalledLeft = false;
            while (!stalledLeft && published * messageBytes < STALL_BOUND_BYTES) {
                long start = System.nanoTime();
                long seq = publish(room, "publisher", text).path("seq").asLong();
                published++;
                if (published % 50 == 0) {
                    stalled.sendText("{\"type\":\"keepalive\"}"); // it still talks, so only its reading stalls
                }
                while (true) {
                    JsonNode event = healthy.next();
                    if (event.path("type").asText().equals("leave")) {
                        assertEquals("stalled", event.path("name").asText());
                        stalledLeft = true;
                    } else {
                        assertEquals(seq, event.path("seq").asLong(), "the healthy member misses nothing");
                        latencyMicros.recordValue((System.nanoTime() - start) / 1000);
                        break;
                    }
                }
            }
            assertTrue(stalledLeft, "the stalled member was still there after " + published + " messages ("
                    + published * messageBytes / 1024 + " KiB): its backlog is not bounded");
            if (closeFrameReachesAStalledPeer()) {
                RawWebSocket.Frame close = stalled.readUntilClose();
                assertEquals(1008, close.closeCode());
                assertEquals("slow consumer", close.closeReason());
            } else {
                stalled.readUntilEnd();
            }
            System.out.printf("backpressure: stalled member closed after %d messages (%d KiB); healthy member "
                            + "publish-to-receive p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    published, published * messageBytes / 1024,
                    latencyMicros.getValueAtPercentile(50) / 1000.0, latencyMicros.getValueAtPercentile(99) / 1000.0,
                    latencyMicros.getMaxValue() / 1000.0);
        }
    }
}
