package dev.switchboard.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a member sees when the server goes away: everything queued for it, in order, then close 1001. */
public final class Goodbye {

    private Goodbye() {
    }

    /** Reads a raw member's frames: messages 1..lastSeq in order, then the close frame 1001. */
    public static void assertMessagesThenGoingAway(RawWebSocket member, long lastSeq) throws java.io.IOException {
        List<Long> seqs = new ArrayList<>();
        RawWebSocket.Frame frame;
        while ((frame = member.readFrame()).opcode() != 0x8) {
            com.fasterxml.jackson.databind.JsonNode event = WsClient.parse(frame.text());
            if (event.path("type").asText().equals("message")) {
                seqs.add(event.path("seq").asLong());
            }
        }
        assertEquals(LongStream.rangeClosed(1, lastSeq).boxed().toList(), seqs, "every queued message first");
        assertEquals(1001, frame.closeCode());
        assertEquals("server shutting down", frame.closeReason());
    }

    public static void assertMessagesThenGoingAway(WsClient member, long lastSeq) {
        List<Long> seqs = new ArrayList<>();
        while (seqs.size() < lastSeq) {
            seqs.add(member.nextOfType("message").path("seq").asLong());
        }
        assertEquals(LongStream.rangeClosed(1, lastSeq).boxed().toList(), seqs, "every queued message first");
        WsClient.Closed closed = member.awaitClose();
        assertEquals(1001, closed.code());
        assertEquals("server shutting down", closed.reason());
    }
}
