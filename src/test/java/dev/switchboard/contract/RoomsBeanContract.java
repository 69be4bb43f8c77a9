package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The WAR with an application's code beside it: a servlet ({@code dev.switchboard.example.OrderUpdates}) that
 * injects the {@code Rooms} bean, and an observer of Switchboard's CDI events ({@code ActivityLog}, read through
 * {@code GET /activity}).
 */
public interface RoomsBeanContract extends ServerUnderTest {

    @Test
    default void anInjectedRoomsBeanPublishesToTheRoomsMembers() {
        try (WsClient customer = WsClient.connect(ws("chat/orders-42?name=customer"))) {
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
        try (WsClient ann = WsClient.connect(ws("chat/" + room + "?name=ann"))) {
            ann.expect("welcome");
            ann.say("hello, observers");
            ann.nextOfType("message");
        }
        List<String> expected = List.of("joined " + room + " ann", "said " + room + " #1 ann: hello, observers",
                "left " + room + " ann");
        Conditions.await("the observer saw ann join, say and leave", EVENTS_GRACE,
                () -> activityIn(room).equals(expected));
    }

    private List<String> activityIn(String room) {
        return HttpApi.get(http("activity")).body().lines().filter(line -> line.contains(" " + room + " ")).toList();
    }
}
