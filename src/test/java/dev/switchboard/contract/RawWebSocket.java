package dev.switchboard.contract;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client at the byte level: it can misbehave the ways real clients do, such as never reading
 * (so the server's writes back up) or never answering pings.
 */
public final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private String head;

    /** A frame as read: opcode and payload. */
    public record Frame(int opcode, byte[] payload) {

        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }

        String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /**
     * Connects and completes the handshake.
     *
     * @param receiveBuffer the socket's receive buffer in bytes; small values make a stalled reader stall sooner
     */
    public static RawWebSocket open(URI base, String pathAndQuery, int receiveBuffer) {
        return open(base, pathAndQuery, receiveBuffer, new String[0]);
    }

    /** As {@link #open(URI, String, int)}, with extra request header lines. */
    static RawWebSocket open(URI base, String pathAndQuery, int receiveBuffer, String... extraHeaders) {
        return open(null, base, pathAndQuery, receiveBuffer, extraHeaders);
    }

    /**
     * As {@link #open(URI, String, int)}, from a given local address (any of 127.0.0.0/8 on Linux), so that one test
     * can open more connections than the server admits from one address.
     */
    public static RawWebSocket openFrom(InetAddress local, URI base, String pathAndQuery, int receiveBuffer) {
        return open(local, base, pathAndQuery, receiveBuffer);
    }

    private static RawWebSocket open(InetAddress local, URI base, String pathAndQuery, int receiveBuffer,
                                     String... extraHeaders) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(receiveBuffer);
            if (local != null) {
                socket.bind(new InetSocketAddress(local, 0));
            }
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET ").append(base.getPath()).append(pathAndQuery)
                    .append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':').append(base.getPort())
                    .append("\r\n");
            for (String header : Handshakes.validHeaders()) {
                request.append(header).append("\r\n");
            }
            for (String header : extraHeaders) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            RawWebSocket client = new RawWebSocket(socket);
            client.head = client.readHead();
            if (!client.head.startsWith("HTTP/1.1 101")) {
                socket.close();
                throw new Refused(client.head);
            }
            return client;
        } catch (IOException e) {
            throw new AssertionError("cannot open a raw WebSocket to " + base, e);
        }
    }

    private String readHead() throws IOException {
        return RawHttp.readHead(in) + "\r\n\r\n";
    }

    /** The server answered the handshake with something other than 101; the message is the response head. */
    public static final class Refused extends AssertionError {
        Refused(String head) {
            super(head);
        }

        public int status() {
            return Integer.parseInt(getMessage().split(" ", 3)[1]);
        }
    }

    /** Sends one masked text frame, as a client must. */
    public void sendText(String text) {
        if (!trySendText(text)) {
            throw new AssertionError("send failed");
        }
    }

    /** Sends one text frame without a mask, which RFC 6455 §5.1 forbids a client to do. */
    void sendUnmaskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[2 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        try {
            socket.getOutputStream().write(frame);
        } catch (IOException e) {
            throw new AssertionError("send failed", e);
        }
    }

    /**
     * Sends an unsolicited, empty, masked pong: RFC 6455 §5.5.3's one-way heartbeat, which the server counts as a sign
     * of life without answering it. False when the connection no longer takes writes.
     */
    public boolean trySendPong() {
        byte[] frame = {(byte) 0x8A, (byte) 0x80, 0, 0, 0, 0};
        try {
            synchronized (this) {
                socket.getOutputStream().write(frame);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends one masked text frame; false when the connection no longer takes writes. */
    boolean trySendText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xffff) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        try {
            socket.getOutputStream().write(frame.toByteArray());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The server's answer to the handshake: status line and headers. */
    String head() {
        return head;
    }

    /** This client's own port. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** Reads the next text, binary or close frame, skipping the server's pings (this client never answers). */
    public Frame readFrame() throws IOException {
        while (true) {
            Frame frame = readAnyFrame();
            if (frame.opcode() != 0x9 && frame.opcode() != 0xA) {
                return frame;
            }
        }
    }

    /** Reads the next frame of any kind (server frames are unmasked). */
    Frame readAnyFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** Reads frames until the server's close frame and returns it; fails if the stream ends first. */
    Frame readUntilClose() {
        try {
            while (true) {
                Frame frame = readAnyFrame();
                if (frame.opcode() == 0x8) {
                    return frame;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no close frame within the read timeout", e);
        } catch (IOException e) {
            throw new AssertionError("the connection ended without a close frame", e);
        }
    }

    /** Reads until the server ends the TCP connection; fails if it does not within the read timeout. */
    void readUntilEnd() {
        try {
            while (in.read(new byte[65536]) >= 0) {
                // discard what was queued for us
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not end the connection", e);
        } catch (IOException ended) {
            // a reset ends it too
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
