package dev.switchboard.contract;

import java.net.URI;

/** A running Switchboard, reached at a base URI (the launcher at {@code /}, the WAR at its context root). */
public interface ServerUnderTest {

    /** The base URI with a trailing slash, e.g. {@code http://127.0.0.1:8080/switchboard/}. */
    URI baseUri();

    /** An HTTP URI for a path relative to the base, e.g. {@code api/rooms}. */
    default URI http(String relative) {
        return baseUri().resolve(relative);
    }

    /** The WebSocket URI for a path relative to the base, e.g. {@code chat/lobby?name=ann}. */
    default URI ws(String relative) {
        URI http = http(relative);
        return URI.create("ws" + http.toString().substring("http".length()));
    }
}
