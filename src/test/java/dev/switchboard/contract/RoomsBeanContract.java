package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example application ({@code shop.war}, see {@code appserver.ExampleApplication}): Switchboard's module under
 * {@code /switchboard}, and the application's own code beside it: a servlet ({@code dev.switchboard.example.OrderUpdates})
 * that injects the {@code Rooms} bean, an observer of Switchboard's CDI events ({@code ActivityLog}, read through
 * {@code GET /activity}), its own {@code @ServerEndpoint} in Switchboard rooms ({@code LobbyEndpoint}) and a
 * moderation policy ({@code ShopModeration}). The base URI is the application's context root.
 */
public interface RoomsBeanContract extends ServerUnderTest {

    /** Where the module lives in the example: the default {@code path.prefix}. */
    String SWITCHBOARD = "switchboard/";

    @Test
    default void anInjectedRoomsBeanPublishesToTheRoomsMembers() {
        try (WsClient customer = WsClient.connect(ws(SWITCHBOARD + "chat/orders-42?name=customer"))) {
            customer.expect("welcome");
            HttpResponse<String> shipped = HttpApi.post(http("orders/42/shipped"), "");
            assertEquals(200, shipped.statusCode(), shipped.body());
            JsonNode message = customer.nextOfType("message");
            assertEquals("system", message.path("from").asText());
            assertEquals("order 42 has shipped", message.path("text").asText());
            assertEquals(Long.parseLong(shipped.body().trim()), message.path("seq").asLong());
        }
    }

    /** How long the events may take to reach the observer: they are fired off the rooms' threads. */
    java.time.Duration EVENTS_GRACE = java.time.Duration.ofSeconds(30);

    @Test
    default void anObserverSeesJoinSayAndLeaveInOrder() {
        String room = Rooms.fresh();
        try (WsClient ann = WsClient.connect(ws(SWITCHBOARD + "chat/" + room + "?name=ann"))) {
            ann.expect("welcome");
            ann.say("hello, observers");
            ann.nextOfType("message");
        }
        List<String> expected = List.of("joined " + room + " ann", "said " + room + " #1 ann: hello, observers",
                "left " + room + " ann");
        Conditions.await("the observer saw ann join, say and leave", EVENTS_GRACE,
                () -> activityIn(room).equals(expected));
    }

    @Test
    default void theApplicationsOwnEndpointIsAMemberOfASwitchboardRoom() {
        String table = Rooms.fresh();
        try (WsClient watcher = WsClient.connect(ws(SWITCHBOARD + "chat/lobby-" + table + "?name=watcher"))) {
            watcher.expect("welcome");
            try (WsClient player = WsClient.connect(ws("lobby/" + table + "?player=ann"))) {
                JsonNode welcome = player.expect("welcome");
                assertEquals("lobby-" + table, welcome.path("room").asText(), welcome::toString);
                assertEquals("ann", watcher.nextOfType("join").path("name").asText());
                player.sendText("I raise");
                JsonNode said = watcher.nextOfType("message");
                assertEquals("ann", said.path("from").asText());
                assertEquals("I raise", said.path("text").asText());
                assertEquals(said.path("seq").asLong(), player.nextOfType("message").path("seq").asLong(),
                        "the player gets its own message like everyone else");
            }
            assertEquals("ann", watcher.nextOfType("leave").path("name").asText());
        }
    }

    @Test
    default void theApplicationsMessagePolicyRefusesWhatItForbids() {
        HttpResponse<String> refused = HttpApi.post(http(SWITCHBOARD + "api/rooms/" + Rooms.fresh() + "/messages"),
                HttpApi.object("from", "spammer", "text", "buy now at https://spam.example"));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("links are not allowed here"), refused.body());
    }

    @Test
    default void theModuleKeepsToItsPrefixAndServesItsPagesThere() {
        assertEquals(200, HttpApi.get(http("activity")).statusCode(), "the application's own servlet");
        assertEquals(200, HttpApi.get(http(SWITCHBOARD + "health")).statusCode());
        assertEquals(404, HttpApi.get(http("health")).statusCode(), "nothing of Switchboard's outside its prefix");
        HttpResponse<String> page = HttpApi.get(http(SWITCHBOARD));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Switchboard</title>"), page.body());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"), page.headers()::toString);
        assertEquals(200, HttpApi.get(http(SWITCHBOARD + "app.js")).statusCode());
    }

    private List<String> activityIn(String room) {
        return HttpApi.get(http("activity")).body().lines().filter(line -> line.contains(" " + room + " ")).toList();
    }
}
