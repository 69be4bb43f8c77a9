package dev.switchboard.standalone;

import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.HttpApi;
import dev.switchboard.contract.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code http.header.timeout}: requests that trickle in are answered 408 and closed; others are not affected. */
class LauncherSlowRequestTest {

    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
    /** How long past the timeout the test waits for the 408: generous, for a loaded machine. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration GRIZZLY_READ_TIMEOUT = Duration.ofSeconds(30);
    private static final long TRICKLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private StandaloneServer server;

    @BeforeEach
    void startWithAOneSecondHeaderTimeout() throws IOException {
        server = StandaloneServer.start("127.0.0.1", 0, Settings.load(SettingsSource.flags(Map.of(
                "http.header.timeout", HEADER_TIMEOUT.toMillis() + "ms", "engine", "memory"))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void headersTricklingInOneByteAtATimeAreAnswered408AndTheConnectionClosed() throws Exception {
        URI base = server.baseUri();
        try (WsClient webSocket = WsClient.connect(URI.create("ws://127.0.0.1:" + base.getPort() + "/echo"));
             Socket slow = new Socket(base.getHost(), base.getPort())) {
            slow.setSoTimeout((int) (HEADER_TIMEOUT.plus(GRACE)).toMillis());
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAll(slow));
            OutputStream out = slow.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            try {
                while (!answer.isDone() && System.nanoTime() - started < HEADER_TIMEOUT.plus(GRACE).toNanos()) {
                    out.write('a'); // a slowloris: never idle long enough for an idle timeout
                    out.flush();
                    LockSupport.parkNanos(TRICKLE_NANOS);
                }
            } catch (IOException closedByTheServer) {
                // expected once the 408 is out
            }
            String response = answer.get(GRACE.toSeconds(), TimeUnit.SECONDS);
            assertTrue(response.startsWith("HTTP/1.1 408 "), response);
            assertTrue(response.endsWith("the request headers did not arrive in time; closing\n"), response);

            webSocket.sendText("an upgraded connection is not a slow request");
            assertEquals("an upgraded connection is not a slow request", webSocket.nextText());
        }
    }

    /** Grizzly's blocking reads give up after 30 s without a byte; the servlet answers that with 408. */
    @Test
    void aBodyThatStopsArrivingIsAnswered408AndNothingIsSaid() throws Exception {
        URI base = server.baseUri();
        String body = "{\"from\":\"slow\",\"text\":\"never finished\"}";
        try (Socket slow = new Socket(base.getHost(), base.getPort())) {
            slow.setSoTimeout((int) (GRIZZLY_READ_TIMEOUT.plus(GRACE)).toMillis());
            slow.getOutputStream().write(("POST /api/rooms/slow-body/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            String head = readHead(slow.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 408 "), head);
            String answer = new String(slow.getInputStream().readNBytes(contentLength(head)), StandardCharsets.UTF_8);
            assertTrue(answer.contains("the request body did not arrive"), answer);
        }
        HttpResponse<String> history = HttpApi.get(base.resolve("api/rooms/slow-body/messages"));
        assertEquals("[]", HttpApi.json(history).path("messages").toString(), history.body());
    }

    @Test
    void aRequestWhoseHeadersArriveInTimeIsServedOnAConnectionOlderThanTheTimeout() throws Exception {
        URI base = server.baseUri();
        try (Socket client = new Socket(base.getHost(), base.getPort())) {
            client.setSoTimeout((int) GRACE.toMillis());
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                client.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String head = readHead(client.getInputStream());
                assertTrue(head.startsWith("HTTP/1.1 200"), head);
                skipBody(client.getInputStream(), head);
                // Keep-alive: the next request comes later than the timeout after the first one's bytes.
                while (System.nanoTime() - started < HEADER_TIMEOUT.toNanos() / 2) {
                    LockSupport.parkNanos(TRICKLE_NANOS);
                }
            }
        }
    }

    private static String readAll(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
            return all.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "read failed: " + e;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed inside the head: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        in.readNBytes(contentLength(head));
    }

    private static int contentLength(String head) {
        return head.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElse(0);
    }
}
