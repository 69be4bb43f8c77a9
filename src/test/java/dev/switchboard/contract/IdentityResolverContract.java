package dev.switchboard.contract;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code auth=custom}: a server started with {@link #SETTINGS} ({@link GatewayIdentityResolver} among the
 * application's classes) asks the application's resolver who each caller is, on every transport.
 */
public interface IdentityResolverContract extends ServerUnderTest {

    Map<String, String> SETTINGS = Map.of("auth", "custom", "auth.resolver", GatewayIdentityResolver.class.getName());

    @Test
    default void aMemberTheResolverRecognisesJoinsUnderItsName() {
        String room = "gw-" + Rooms.fresh();
        try (WsClient watcher = WsClient.connectWithHeader(ws("chat/" + room), GatewayIdentityResolver.HEADER, "ann")) {
            watcher.expect("welcome");
            try (WsClient bob = WsClient.connectWithHeader(ws("chat/" + room), GatewayIdentityResolver.HEADER, "bob")) {
                bob.expect("welcome");
                assertEquals("bob", watcher.expect("join").path("name").asText());
                bob.say("hello");
                assertEquals("bob", watcher.nextOfType("message").path("from").asText());
            }
        }
    }

    @Test
    default void aHandshakeTheResolverRefusesIsAnswered401WithItsReason() {
        RawHttp.Response refused = handshake("chat/gw-" + Rooms.fresh());
        assertEquals(401, refused.status(), refused.body());
        assertTrue(refused.body().contains(GatewayIdentityResolver.NOT_SIGNED_IN), refused.body());
    }

    @Test
    default void aRoomTheResolvedGrantsDoNotCoverIsRefused403() {
        RawHttp.Response refused = handshake("chat/" + Rooms.fresh(), GatewayIdentityResolver.HEADER + ": ann");
        assertEquals(403, refused.status(), refused.body());
    }

    @Test
    default void theHttpApiAsksTheResolverToo() {
        String room = "gw-" + Rooms.fresh();
        assertEquals(401, post(room, null).statusCode());
        HttpResponse<String> published = post(room, "ann");
        assertEquals(201, published.statusCode(), published.body());
        assertEquals("ann", HttpApi.json(published).path("from").asText());
    }

    private RawHttp.Response handshake(String pathAndQuery, String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of(Handshakes.validHeaders()));
        headers.addAll(List.of(extraHeaders));
        return RawHttp.get(baseUri(), baseUri().getPath() + pathAndQuery, headers.toArray(String[]::new));
    }

    private HttpResponse<String> post(String room, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http("api/rooms/" + room + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HttpApi.object("from", "ann", "text", "from the gateway")));
        if (user != null) {
            request.header(GatewayIdentityResolver.HEADER, user);
        }
        return HttpApi.send(request);
    }
}
