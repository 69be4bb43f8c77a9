package dev.switchboard.contract;

import java.net.URI;

/** A running Switchboard, reached at a base URI (the launcher at {@code /}, the WAR at its context root). */
public interface ServerUnderTest {

    /** The base URI with a trailing slash, e.g. {@code http://127.0.0.1:8080/switchboard/}. */
    URI baseUri();

    /**
     * Whether the runtime writes HTTP reason phrases ({@code 101 Switching Protocols}). Tomcat writes none (its
     * {@code Http11OutputBuffer} sends the status code only, as RFC 9112 §4 allows; the Servlet 6 API cannot set
     * one): see src/docs/conformance.md. The status codes are the contract everywhere.
     */
    default boolean writesReasonPhrases() {
        return true;
    }

    /**
     * Whether the runtime can carry the line protocol over a Servlet HTTP upgrade. Jetty 12 (its upgraded input ends
     * with the request's body), Open Liberty (its upgraded output blocks on flush and its close leaves the socket
     * open) and WildFly (Undertow spins on a closed upgrade with a write pending) cannot; see
     * src/docs/conformance.md. There Switchboard answers the line upgrade with 501, and the line
     * tests are skipped.
     */
    default boolean carriesLineProtocol() {
        return true;
    }

    /** Skips a test of the line protocol where the runtime cannot carry it. */
    default void assumeLineProtocol() {
        org.junit.jupiter.api.Assumptions.assumeTrue(carriesLineProtocol(),
                "this runtime cannot carry a Servlet upgrade; the line protocol is refused with 501 here");
    }

    /** An HTTP URI for a path relative to the base, e.g. {@code api/rooms}. */
    default URI http(String relative) {
        return baseUri().resolve(relative);
    }

    /** Publishes over HTTP and returns the {@code message} event the server answered with. */
    default com.fasterxml.jackson.databind.JsonNode publish(String room, String from, String text) {
        var response = HttpApi.post(http("api/rooms/" + room + "/messages"),
                HttpApi.object("from", from, "text", text));
        org.junit.jupiter.api.Assertions.assertEquals(201, response.statusCode(), response.body());
        return HttpApi.json(response);
    }

    /** Publishes {@code count} messages over HTTP from a few threads at once; returns when all are accepted. */
    default void publishMany(String room, int count) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CompletableFuture<?>[] publishers = new java.util.concurrent.CompletableFuture<?>[4];
        for (int p = 0; p < publishers.length; p++) {
            publishers[p] = java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    publish(room, "bulk", "message " + i);
                }
            });
        }
        java.util.concurrent.CompletableFuture.allOf(publishers).join();
    }

    /** The WebSocket URI for a path relative to the base, e.g. {@code chat/lobby?name=ann}. */
    default URI ws(String relative) {
        URI http = http(relative);
        return URI.create("ws" + http.toString().substring("http".length()));
    }
}
