package dev.switchboard.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A line-protocol client on a raw socket: the upgrade request, then UTF-8 lines both ways. */
public final class LineClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    final String statusLine;
    final Map<String, String> headers = new LinkedHashMap<>();

    private LineClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
        this.statusLine = in.readLine();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    /** Sends the upgrade request and reads the response head; check {@link #statusLine} for the outcome. */
    static LineClient open(URI base, String pathAndQuery, int receiveBuffer, String... headerLines) {
        return openFrom(null, base, pathAndQuery, receiveBuffer, headerLines);
    }

    /** As {@link #open}, from this local address (any loopback address reaches the server), or any when null. */
    static LineClient openFrom(java.net.InetAddress local, URI base, String pathAndQuery, int receiveBuffer,
                               String... headerLines) {
        try {
            Socket socket = new Socket();
            if (local != null) {
                socket.bind(new InetSocketAddress(local, 0));
            }
            socket.setReceiveBufferSize(receiveBuffer);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            return over(socket, base, pathAndQuery, headerLines);
        } catch (IOException e) {
            throw new AssertionError("cannot reach " + base, e);
        }
    }

    /** Sends the upgrade request on a socket already connected to {@code base} (e.g. a TLS one). */
    public static LineClient over(Socket socket, URI base, String pathAndQuery, String... headerLines) {
        try {
            socket.setSoTimeout((int) WsClient.TIMEOUT.toMillis());
            StringBuilder request = new StringBuilder("GET " + base.getPath() + pathAndQuery + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n");
            for (String header : headerLines) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            return new LineClient(socket);
        } catch (IOException e) {
            throw new AssertionError("cannot reach " + base, e);
        }
    }

    public static LineClient join(URI base, String room, String name) {
        LineClient client = open(base, "line/" + room + "?name=" + name, 65536,
                "Connection: Upgrade", "Upgrade: switchboard-line/1");
        assertTrue(client.statusLine.startsWith("HTTP/1.1 101"), client.statusLine);
        return client;
    }

    public void send(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new AssertionError("send failed", e);
        }
    }

    void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new AssertionError("send failed", e);
        }
    }

    public String readLine() {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new AssertionError("the server ended the connection");
            }
            return line;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no line within " + WsClient.TIMEOUT, e);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public String statusLine() {
        return statusLine;
    }

    /** The next line starting with this prefix, skipping others (e.g. presence lines). */
    public String readLineStartingWith(String prefix) {
        while (true) {
            String line = readLine();
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** True once the server has ended the connection (reads until then). */
    boolean endedByServer() {
        try {
            while (in.readLine() != null) {
                // what was still on its way
            }
            return true;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    /** Drops the connection as a crashed peer or a broken network would: a TCP reset, no close frame, no bye. */
    public void drop() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // dropped either way
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
