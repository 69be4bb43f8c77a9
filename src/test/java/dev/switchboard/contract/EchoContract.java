package dev.switchboard.contract;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /echo}: text and binary come back unchanged, fragmented messages included, up to 64 KiB. */
public interface EchoContract extends ServerUnderTest {

    @Test
    default void textIsEchoedUnchanged() {
        try (WsClient echo = WsClient.connect(ws("echo"))) {
            String text = "héllo, wörld ✓ 𝄞";
            echo.sendText(text);
            assertEquals(text, echo.nextText());
        }
    }

    @Test
    default void binaryIsEchoedUnchanged() {
        try (WsClient echo = WsClient.connect(ws("echo"))) {
            byte[] data = randomBytes(1000);
            echo.socket().sendBinary(ByteBuffer.wrap(data), true).join();
            assertArrayEquals(data, bytes(echo.nextBinary()));
        }
    }

    @Test
    default void aFragmentedTextMessageIsEchoedWhole() {
        try (WsClient echo = WsClient.connect(ws("echo"))) {
            echo.socket().sendText("first part, ", false).join();
            echo.socket().sendText("second part, ", false).join();
            echo.socket().sendText("last part", true).join();
            assertEquals("first part, second part, last part", echo.nextText());
        }
    }

    @Test
    default void aFragmentedBinaryMessageIsEchoedWhole() {
        try (WsClient echo = WsClient.connect(ws("echo"))) {
            byte[] data = randomBytes(30_000);
            echo.socket().sendBinary(ByteBuffer.wrap(data, 0, 10_000), false).join();
            echo.socket().sendBinary(ByteBuffer.wrap(data, 10_000, 10_000), false).join();
            echo.socket().sendBinary(ByteBuffer.wrap(data, 20_000, 10_000), true).join();
            assertArrayEquals(data, bytes(echo.nextBinary()));
        }
    }

    @Test
    default void aMessageOfExactly64KiBIsEchoed() {
        try (WsClient echo = WsClient.connect(ws("echo"))) {
            String text = "e".repeat(64 * 1024);
            echo.sendText(text);
            assertEquals(text.length(), echo.nextText().getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    default void aMessageOver64KiBIsClosedWith1009() {
        try (WsClient echo = WsClient.connect(ws("echo"))) {
            echo.socket().sendBinary(ByteBuffer.wrap(randomBytes(64 * 1024 + 1)), true).join();
            assertEquals(1009, echo.awaitClose().code());
        }
    }

    @Test
    default void aFragmentedMessageOver64KiBIsClosedWith1009() {
        try (WsClient echo = WsClient.connect(ws("echo"))) {
            echo.socket().sendText("f".repeat(40 * 1024), false).join();
            echo.socket().sendText("f".repeat(40 * 1024), true).join();
            assertEquals(1009, echo.awaitClose().code());
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        return data;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] data = new byte[buffer.remaining()];
        buffer.get(data);
        return data;
    }
}
