package dev.switchboard.bench.target;

import java.io.IOException;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A server the benchmark measures: how to start it as its own process and how its two services are reached.
 * Every target offers {@code echo} and a {@code chat} room that broadcasts what a member says to every member;
 * the Switchboard targets do it with full chat semantics (JSON events, seq, history).
 */
public interface Target {

    /** Short name used in tables, e.g. {@code launcher}. */
    String name();

    /** One line for the report: what runs and how. */
    String description();

    /** Starts a fresh server process listening on 127.0.0.1:{@code port}; returns once it serves. */
    RunningServer start(int port, Path logFile) throws IOException, InterruptedException;

    /** The base URI of a server started on {@code port}, with a trailing slash: the root unless a target says. */
    default URI base(int port) {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    default URI echo(int port) {
        return ws(base(port).resolve("echo"));
    }

    /** A member's connection to {@code room}; {@code since} &lt; 0 for none. */
    default URI chat(int port, String room, String member, long since) {
        String query = "?name=" + URLEncoder.encode(member, StandardCharsets.UTF_8)
                + (since >= 0 ? "&since=" + since : "");
        return ws(base(port).resolve("chat/" + room + query));
    }

    /** The frame a member sends to say {@code text} in a room: the peers broadcast the text as it comes. */
    default String say(String text) {
        return text;
    }

    /** Whether the target takes part in this scenario (a cluster of nodes only in those about rooms). */
    default boolean offers(String scenario) {
        return true;
    }

    /** Extra headers of a WebSocket handshake to {@code uri} (a token), none by default. */
    default HttpHeaders handshakeHeaders(URI uri) {
        return EmptyHttpHeaders.INSTANCE;
    }

    /** True when the target keeps history and replays it on {@code since} (the recover scenario). */
    default boolean hasHistory() {
        return false;
    }

    private static URI ws(URI http) {
        return URI.create("ws" + http.toString().substring("http".length()));
    }
}
