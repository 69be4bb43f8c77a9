package dev.switchboard.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6455 §5.1: the server must close a connection on which the client sends an unmasked frame. */
public interface MaskingContract extends ServerUnderTest {

    /**
     * Whether the runtime refuses unmasked client frames. GlassFish's built-in Tyrus accepts them and a WAR
     * cannot see frames to refuse them itself: a documented container limitation (src/docs/conformance.md).
     */
    default boolean refusesUnmaskedClientFrames() {
        return true;
    }

    /**
     * Whether the runtime's close reason for an unmasked frame says what was wrong. Open Liberty's names our endpoint
     * class and is cut at 123 bytes before it gets there (src/docs/conformance.md); the code is 1002 everywhere.
     */
    default boolean namesMaskingInTheCloseReason() {
        return true;
    }

    @Test
    default void anUnmaskedClientFrameIsAnsweredAccordingToTheRuntime() throws IOException {
        try (RawWebSocket client = RawWebSocket.open(baseUri(), "echo", 65536)) {
            client.sendText("masked, as it must be");
            assertEquals("masked, as it must be", client.readFrame().text());
            client.sendUnmaskedText("not masked");
            RawWebSocket.Frame answer = client.readFrame();
            if (refusesUnmaskedClientFrames()) {
                assertEquals(0x8, answer.opcode(), "a close frame");
                assertEquals(1002, answer.closeCode());
                // The wording is the runtime's (Tomcat closes these itself); what it is about is not.
                if (namesMaskingInTheCloseReason()) {
                    assertTrue(answer.closeReason().toLowerCase().contains("mask"), answer.closeReason());
                }
                client.readUntilEnd();
            } else {
                assertEquals("not masked", answer.text(), "the known limitation: the frame is accepted");
            }
        }
    }

    @Test
    default void aMemberWhoseClientSendsAnUnmaskedFrameLeavesTheRoom() throws IOException {
        if (!refusesUnmaskedClientFrames()) {
            return;
        }
        String room = Rooms.fresh();
        WsClient watcher = WsClient.connect(ws("chat/" + room + "?name=watcher"));
        watcher.expect("welcome");
        try (watcher; RawWebSocket sloppy = RawWebSocket.open(baseUri(), "chat/" + room + "?name=sloppy", 65536)) {
            assertEquals("sloppy", watcher.expect("join").path("name").asText());
            sloppy.sendUnmaskedText("{\"type\":\"say\",\"text\":\"hi\"}");
            assertEquals(1002, sloppy.readUntilClose().closeCode());
            assertEquals("sloppy", watcher.nextOfType("leave").path("name").asText());
        }
    }
}
