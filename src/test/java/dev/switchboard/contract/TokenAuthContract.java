package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code auth=token}: who may join, say, read and see whom (issue 12's table, row by row). A server of its own with
 * {@link #SETTINGS}.
 */
public interface TokenAuthContract extends ServerUnderTest {

    String SECRET = "a-test-secret-of-at-least-32-bytes-for-hs256";
    String API_KEY = "test-api-key-7f3a9c";
    String AUDIENCE = "switchboard-test";
    Duration HOUR = Duration.ofHours(1);
    List<String> ALL = List.of("sub", "pub", "hist", "pres");

    Duration EXPIRY_GRACE = Duration.ofSeconds(1);
    /** How long past exp + grace the close may take: the heartbeat's period and a generous margin. */
    Duration CLOSE_WITHIN = Duration.ofSeconds(30);

    Map<String, String> SETTINGS = Map.of(
            "auth", "token",
            "auth.secret", SECRET,
            "auth.audience", AUDIENCE,
            "api.keys", API_KEY,
            "auth.expiry.grace", EXPIRY_GRACE.toMillis() + "ms",
            "metrics", "api-key");

    private static String token(String subject, Map<String, List<String>> rooms) {
        return Tokens.signed(SECRET, subject, rooms, HOUR, AUDIENCE);
    }

    private RawHttp.Response handshake(String pathAndQuery, String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of(Handshakes.validHeaders()));
        headers.addAll(List.of(extraHeaders));
        return RawHttp.get(baseUri(), baseUri().getPath() + pathAndQuery, headers.toArray(String[]::new));
    }

    private HttpResponse<String> api(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http(path)).timeout(WsClient.TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    default void aHandshakeWithoutATokenIsRefused401BeforeTheUpgradeAndCreatesNoRoom() {
        String room = Rooms.fresh();
        RawHttp.Response refused = handshake("chat/" + room + "?name=ann");
        assertEquals(401, refused.status(), refused.body());
        assertEquals("Bearer", refused.header("WWW-Authenticate"));
        HttpResponse<String> rooms = api("GET", "api/rooms", API_KEY, null);
        assertFalse(rooms.body().contains("\"" + room + "\""), rooms.body());
    }

    @Test
    default void forgedExpiredAndForeignTokensAreRefused401() {
        String room = Rooms.fresh();
        Map<String, List<String>> grants = Map.of(room, ALL);
        Map<String, String> forged = Map.of(
                "signed with another secret", Tokens.signed("another-secret-that-is-also-32-bytes-long", "ann",
                        grants, HOUR, AUDIENCE),
                "alg none", Tokens.unsigned("ann", grants),
                "expired", Tokens.signed(SECRET, "ann", grants, Duration.ofMinutes(-5), AUDIENCE),
                "for another audience", Tokens.signed(SECRET, "ann", grants, HOUR, "another-service"),
                "not a JWT", "not-a-token");
        forged.forEach((what, token) -> {
            RawHttp.Response refused = handshake("chat/" + room, "Authorization: Bearer " + token);
            assertEquals(401, refused.status(), what + ": " + refused.body());
            assertFalse(refused.body().contains(token), "the answer never repeats the token");
        });
    }

    @Test
    default void aTokenInTheUrlIsRefused() {
        String room = Rooms.fresh();
        RawHttp.Response refused = handshake("chat/" + room + "?token=" + token("ann", Map.of(room, ALL)));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("URL"), refused.body());
    }

    @Test
    default void aRoomTheTokenDoesNotGrantIsRefused403() {
        RawHttp.Response refused = handshake("chat/" + Rooms.fresh(),
                "Authorization: Bearer " + token("ann", Map.of("team-*", ALL)));
        assertEquals(403, refused.status(), refused.body());
    }

    @Test
    default void aPatternGrantsEveryRoomWithItsPrefix() {
        try (WsClient ann = WsClient.connectWithToken(ws("chat/team-" + Rooms.fresh()),
                token("ann", Map.of("team-*", ALL)))) {
            assertEquals("ann", ann.expect("welcome").path("you").asText());
        }
    }

    @Test
    default void aNameOtherThanTheTokensSubjectIsRefused403() {
        String room = Rooms.fresh();
        RawHttp.Response refused = handshake("chat/" + room + "?name=mallory",
                "Authorization: Bearer " + token("ann", Map.of(room, ALL)));
        assertEquals(403, refused.status(), refused.body());
    }

    @Test
    default void aBrowsersTokenSubprotocolIsAnsweredWithSwitchboardV1Only() {
        String room = Rooms.fresh();
        try (WsClient ann = WsClient.connectWithToken(ws("chat/" + room), token("ann", Map.of(room, ALL)))) {
            assertEquals("ann", ann.expect("welcome").path("you").asText(), "the token names the member");
            assertEquals("switchboard.v1", ann.subprotocol());
        }
    }

    @Test
    default void aSayWithoutPubIsForbiddenAndTakesNoSeq() {
        String room = Rooms.fresh();
        try (WsClient reader = WsClient.connectWithToken(ws("chat/" + room), token("reader", Map.of(room,
                List.of("sub"))))) {
            reader.expect("welcome");
            reader.sendText("{\"type\":\"say\",\"text\":\"may I?\",\"id\":\"q-1\"}");
            JsonNode error = reader.expect("error");
            assertEquals("forbidden", error.path("code").asText(), error.toString());
            assertEquals("q-1", error.path("id").asText());
            HttpResponse<String> posted = api("POST", "api/rooms/" + room + "/messages", API_KEY,
                    HttpApi.object("from", "bot", "text", "first"));
            assertEquals(201, posted.statusCode(), posted.body());
            assertEquals(1, HttpApi.json(posted).path("seq").asLong(), "the refused say used no seq");
        }
    }

    @Test
    default void historyNeedsHist() {
        String room = Rooms.fresh();
        for (int i = 1; i <= 2; i++) {
            assertEquals(201, api("POST", "api/rooms/" + room + "/messages", API_KEY,
                    HttpApi.object("from", "bot", "text", "before " + i)).statusCode());
        }
        String noHistory = token("late", Map.of(room, List.of("sub", "pub")));
        try (WsClient late = WsClient.connectWithToken(ws("chat/" + room + "?since=0"), noHistory)) {
            late.expect("welcome");
            assertEquals("forbidden", late.expect("error").path("code").asText(), "replay refused, and said so");
            late.say("now");
            assertEquals("now", late.expect("message").path("text").asText(), "no replayed message came first");
        }
        assertEquals(403, api("GET", "api/rooms/" + room + "/messages", noHistory, null).statusCode());
        String withHistory = token("reader", Map.of(room, List.of("hist")));
        assertEquals(3, HttpApi.json(api("GET", "api/rooms/" + room + "/messages", withHistory, null))
                .path("messages").size(), "two before the late member, and what it said");
    }

    @Test
    default void presenceNeedsPres() {
        String room = Rooms.fresh();
        String blind = token("blind", Map.of(room, List.of("sub")));
        try (WsClient watcher = WsClient.connectWithToken(ws("chat/" + room), blind)) {
            assertEquals("[]", watcher.expect("welcome").path("members").toString(), "no member list");
            try (WsClient ann = WsClient.connectWithToken(ws("chat/" + room), token("ann", Map.of(room, ALL)))) {
                ann.expect("welcome");
                ann.say("after my join");
                assertEquals("message", watcher.next().path("type").asText(), "no join event came first");
            }
        }
        assertEquals(403, api("GET", "api/rooms/" + room + "/members", blind, null).statusCode());
        assertEquals(200, api("GET", "api/rooms/" + room + "/members", token("ann", Map.of(room, ALL)), null)
                .statusCode());
    }

    @Test
    default void publishingAndListingRoomsNeedAnApiKey() {
        String room = Rooms.fresh();
        HttpResponse<String> anonymous = api("POST", "api/rooms/" + room + "/messages", null,
                HttpApi.object("from", "bot", "text", "hi"));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals(401, api("POST", "api/rooms/" + room + "/messages", "wrong-key",
                HttpApi.object("from", "bot", "text", "hi")).statusCode());
        assertEquals(401, api("GET", "api/rooms", null, null).statusCode());
        assertEquals(201, api("POST", "api/rooms/" + room + "/messages", API_KEY,
                HttpApi.object("from", "bot", "text", "hi")).statusCode());
        assertEquals(200, api("GET", "api/rooms", API_KEY, null).statusCode());
    }

    @Test
    default void aUserTokenPublishesAsItsOwnSubjectOnly() {
        String room = Rooms.fresh();
        String ann = token("ann", Map.of(room, ALL));
        assertEquals(403, api("POST", "api/rooms/" + room + "/messages", ann,
                HttpApi.object("from", "bob", "text", "it was bob")).statusCode());
        HttpResponse<String> own = api("POST", "api/rooms/" + room + "/messages", ann,
                "{\"text\":\"it was me\"}");
        assertEquals(201, own.statusCode(), own.body());
        assertEquals("ann", HttpApi.json(own).path("from").asText());
    }

    @Test
    default void metricsNeedAnApiKeyWhenTheSettingSaysSo() {
        assertEquals(401, api("GET", "metrics", null, null).statusCode());
        assertEquals(401, api("GET", "metrics", token("ann", Map.of("lobby", ALL)), null).statusCode());
        HttpResponse<String> metrics = api("GET", "metrics", API_KEY, null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("switchboard_connections"), metrics.body());
    }

    @Test
    default void theWelcomeSaysWhenTheTokenExpires() {
        String room = Rooms.fresh();
        try (WsClient ann = WsClient.connectWithToken(ws("chat/" + room), token("ann", Map.of(room, ALL)))) {
            java.time.Instant expiresAt = java.time.Instant.parse(ann.expect("welcome").path("expiresAt").asText());
            assertTrue(expiresAt.isAfter(java.time.Instant.now().plus(HOUR).minusSeconds(60)), expiresAt.toString());
        }
    }

    @Test
    default void aConnectionPastItsTokensExpiryIsClosed4001() {
        String room = Rooms.fresh();
        Duration validFor = Duration.ofSeconds(2);
        try (WsClient ann = WsClient.connectWithToken(ws("chat/" + room),
                Tokens.signed(SECRET, "ann", Map.of(room, ALL), validFor, AUDIENCE))) {
            ann.expect("welcome");
            WsClient.Closed closed = ann.awaitClose(validFor.plus(EXPIRY_GRACE).plus(CLOSE_WITHIN));
            assertEquals(4001, closed.code());
            assertEquals("token expired", closed.reason());
        }
    }

    @Test
    default void aRefreshMovesTheExpiryAndSaysWhenTo() {
        String room = Rooms.fresh();
        try (WsClient ann = WsClient.connectWithToken(ws("chat/" + room),
                Tokens.signed(SECRET, "ann", Map.of(room, ALL), Duration.ofMinutes(2), AUDIENCE))) {
            ann.expect("welcome");
            ann.sendText("{\"type\":\"refresh\",\"token\":\"" + token("ann", Map.of(room, ALL)) + "\"}");
            java.time.Instant expiresAt = java.time.Instant.parse(ann.expect("refreshed").path("expiresAt").asText());
            assertTrue(expiresAt.isAfter(java.time.Instant.now().plus(Duration.ofMinutes(30))), expiresAt.toString());
            ann.say("still here");
            assertEquals("still here", ann.expect("message").path("text").asText());
        }
    }

    @Test
    default void aRefreshWithAnotherSubjectIsClosed4003() {
        String room = Rooms.fresh();
        try (WsClient ann = WsClient.connectWithToken(ws("chat/" + room), token("ann", Map.of(room, ALL)))) {
            ann.expect("welcome");
            ann.sendText("{\"type\":\"refresh\",\"token\":\"" + token("mallory", Map.of(room, ALL)) + "\"}");
            WsClient.Closed closed = ann.awaitClose();
            assertEquals(4003, closed.code(), closed.reason());
        }
    }

    /**
     * Runs where the server logs into this JVM (the launcher in-process, GlassFish embedded): every record logged
     * while tokens, keys and refusals go by is captured and searched for them.
     */
    @Test
    default void noTokenKeyOrSecretReachesTheLogs() {
        String room = Rooms.fresh();
        String good = token("ann", Map.of(room, ALL));
        String forged = Tokens.signed("another-secret-that-is-also-32-bytes-long", "ann", Map.of(room, ALL), HOUR,
                AUDIENCE);
        try (LogCapture logs = LogCapture.everything()) {
            // (A token in the URL is refused, but the container may log the URL itself: that case is left out.)
            handshake("chat/" + room, "Authorization: Bearer " + forged);
            api("POST", "api/rooms/" + room + "/messages", "wrong-" + API_KEY, HttpApi.object("from", "b", "text", "x"));
            api("POST", "api/rooms/" + room + "/messages", API_KEY, HttpApi.object("from", "b", "text", "x"));
            try (WsClient ann = WsClient.connectWithToken(ws("chat/" + room), good)) {
                ann.expect("welcome");
                ann.sendText("{\"type\":\"refresh\",\"token\":\"" + forged + "\"}");
                ann.expect("error");
            }
            for (String secret : List.of(good, forged, API_KEY, SECRET)) {
                assertFalse(logs.contains(secret), "a log line holds a credential: " + logs.matching(secret));
            }
        }
    }

    @Test
    default void inspectNeverShowsCredentials() throws IOException {
        String token = token("ann", Map.of("lobby", ALL));
        try (RawWebSocket inspect = RawWebSocket.open(baseUri(), "inspect", 65536,
                "Authorization: Bearer " + token, "Cookie: session=s3cr3t",
                "Sec-WebSocket-Protocol: switchboard.v1, bearer." + token)) {
            String report = inspect.readFrame().text();
            assertFalse(report.contains(token), report);
            assertFalse(report.contains("s3cr3t"), report);
            assertTrue(report.contains("[redacted]"), report);
        }
    }

    @Test
    default void aLineConnectionPresentsItsTokenInTheAuthorizationHeader() {
        assumeLineProtocol();
        String room = Rooms.fresh();
        try (LineClient refused = LineClient.open(baseUri(), "line/" + room, 65536,
                "Connection: Upgrade", "Upgrade: switchboard-line/1")) {
            assertTrue(refused.statusLine.startsWith("HTTP/1.1 401"), refused.statusLine);
        }
        try (LineClient liner = LineClient.open(baseUri(), "line/" + room, 65536, "Connection: Upgrade",
                "Upgrade: switchboard-line/1", "Authorization: Bearer " + token("liner", Map.of(room, ALL)))) {
            assertTrue(liner.statusLine.startsWith("HTTP/1.1 101"), liner.statusLine);
        }
    }
}
