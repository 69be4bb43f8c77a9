package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A WebSocket test client on the JDK's own implementation, independent of the server's stack. It collects whole
 * messages (fragments joined) and the close the server sends; every wait has a timeout.
 */
public final class WsClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> binaries = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private WebSocket socket;

    /** The close frame the server sent. */
    public record Closed(int code, String reason) {
    }

    private WsClient() {
    }

    public static WsClient connect(URI uri) {
        return connect(uri, null);
    }

    /** Connects sending this Origin header (browsers always send one), or none when null. */
    static WsClient connect(URI uri, String origin) {
        WsClient client = new WsClient();
        try {
            WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT);
            if (origin != null) {
                builder.header("Origin", origin);
            }
            client.socket = builder.buildAsync(uri, client.new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot connect to " + uri, e);
        }
        return client;
    }

    /** Connects with this HTTP client (e.g. one that trusts a test CA for {@code wss://}). */
    public static WsClient connectWith(HttpClient http, URI uri) {
        WsClient client = new WsClient();
        try {
            client.socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(uri, client.new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot connect to " + uri, e);
        }
        return client;
    }

    /** Connects as a browser with a token does: subprotocols {@code switchboard.v1} and {@code bearer.TOKEN}. */
    public static WsClient connectWithToken(URI uri, String token) {
        WsClient client = new WsClient();
        try {
            client.socket = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .subprotocols("switchboard.v1", "bearer." + token)
                    .buildAsync(uri, client.new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot connect to " + uri, e);
        }
        return client;
    }

    /** Connects sending these extra handshake headers (e.g. {@code Authorization}). */
    public static WsClient connectWithHeader(URI uri, String name, String value) {
        WsClient client = new WsClient();
        try {
            client.socket = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT).header(name, value)
                    .buildAsync(uri, client.new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot connect to " + uri, e);
        }
        return client;
    }

    /** The subprotocol the server chose, empty when none. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public WebSocket socket() {
        return socket;
    }

    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    public void say(String text) {
        sendText(JSON.createObjectNode().put("type", "say").put("text", text).toString());
    }

    /** The next text message, parsed as JSON. */
    public JsonNode next() {
        return parse(nextText());
    }

    public String nextText() {
        try {
            String text = texts.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(text, "no text message within " + TIMEOUT);
            return text;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    ByteBuffer nextBinary() {
        try {
            ByteBuffer data = binaries.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(data, "no binary message within " + TIMEOUT);
            return data;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next event of this type, skipping others (e.g. presence events that race with the one awaited). */
    public JsonNode nextOfType(String type) {
        return nextOfType(type, TIMEOUT);
    }

    public JsonNode nextOfType(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                String text = texts.poll(left, TimeUnit.NANOSECONDS);
                if (text != null && type.equals(parse(text).path("type").asText())) {
                    return parse(text);
                }
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return fail("no " + type + " event within " + timeout);
    }

    /** Every message received so far and not yet taken, parsed. */
    java.util.List<JsonNode> drain() {
        java.util.List<String> pending = new java.util.ArrayList<>();
        texts.drainTo(pending);
        return pending.stream().map(WsClient::parse).toList();
    }

    /** Drops the TCP connection without a close frame, like a network failure or a killed process. */
    void kill() {
        socket.abort();
    }

    /** Asserts the next event has this type and returns it. */
    public JsonNode expect(String type) {
        JsonNode event = next();
        assertEquals(type, event.path("type").asText(), () -> "expected a " + type + " event, got " + event);
        return event;
    }

    /** Null once the welcome came; the server's close when it closed instead. */
    public Closed welcomeOrClose() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String text = texts.poll(20, TimeUnit.MILLISECONDS);
                if (text != null) {
                    assertEquals("welcome", parse(text).path("type").asText(), text);
                    return null;
                }
                if (closed.isDone()) {
                    return closed.join();
                }
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return fail("neither a welcome nor a close within " + TIMEOUT);
    }

    /** Waits for the server's close frame. */
    public Closed awaitClose() {
        return awaitClose(TIMEOUT);
    }

    public Closed awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close within " + timeout, e);
        }
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        if (socket != null) {
            // Closing asserts nothing: the JDK client may report "Output closed" when the server's close reply
            // races the one it sends for us.
            closed.completeOnTimeout(new Closed(-1, "client gave up"), 2, TimeUnit.SECONDS)
                    .exceptionally(failure -> null).join();
            socket.abort();
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                texts.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                binaries.add(ByteBuffer.wrap(binary.toByteArray()));
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
