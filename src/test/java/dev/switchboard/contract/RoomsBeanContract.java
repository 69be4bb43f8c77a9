package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The WAR with an application's servlet beside it ({@code dev.switchboard.example.OrderUpdates}) that injects the
 * {@code Rooms} bean: what the application publishes reaches the room's members, with the seq it was given.
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
}
