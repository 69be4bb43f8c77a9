package dev.switchboard.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP at the byte level over a plain {@link Socket}: what a handshake looks like on the wire, with no client
 * library deciding which headers to send or how to read the answer.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 10_000;

    private RawHttp() {
    }

    /** A response head and its body: Content-Length bytes, or up to the close the server announced. */
    public record Response(int status, String reason, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }
    }

    /**
     * Sends {@code GET path} with the given header lines to the server of {@code base} and reads the answer.
     * For a 101 only the head is read: what follows is WebSocket frames.
     */
    public static Response get(URI base, String path, String... headerLines) {
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        return exchange(base, request.toString());
    }

    /** Sends {@code method path} with a JSON body (or none) and header lines, from a local address of our choice. */
    public static Response send(InetAddress from, URI base, String method, String path, String json,
            String... headerLines) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (json != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort(), from, 0)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError("raw exchange with " + base + " from " + from + " failed", e);
        }
    }

    static Response exchange(URI base, String request) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError("raw exchange with " + base + " failed", e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        int status = Integer.parseInt(statusLine[1]);
        String body = "";
        List<String> length = headers.get("content-length");
        if (status != 101 && length != null) {
            body = new String(in.readNBytes(Integer.parseInt(length.get(0))), StandardCharsets.UTF_8);
        } else if (status != 101 && "close".equalsIgnoreCase(String.join(",", headers.getOrDefault("connection",
                List.of())))) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Response(status, statusLine.length > 2 ? statusLine[2] : "", headers, body);
    }

    /** Reads a response head up to the blank line, without the blank line. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside the response head: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - end.length);
    }
}
