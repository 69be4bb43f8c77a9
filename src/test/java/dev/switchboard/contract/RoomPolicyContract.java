package dev.switchboard.contract;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code room.policy} extension point: a server started with {@link #SETTINGS} ({@link StaffRoomsPolicy} among
 * the application's classes) asks the policy before a join or a publish creates a room, and only then.
 */
public interface RoomPolicyContract extends ServerUnderTest {

    Map<String, String> SETTINGS = Map.of("room.policy", StaffRoomsPolicy.class.getName());

    @Test
    default void aJoinThePolicyRefusesIsClosedWith4003AndItsReason() {
        try (WsClient ann = WsClient.connect(ws("chat/staff-" + Rooms.fresh() + "?name=ann"))) {
            WsClient.Closed closed = ann.welcomeOrClose();
            assertNotNull(closed, "ann must not be welcomed into a staff room she would create");
            assertEquals(4003, closed.code());
            assertEquals(StaffRoomsPolicy.STAFF_ONLY, closed.reason());
        }
    }

    @Test
    default void aRoomThatExistsIsNotAskedAbout() {
        String room = "staff-" + Rooms.fresh();
        try (WsClient boss = WsClient.connect(ws("chat/" + room + "?name=staff-boss"))) {
            assertNull(boss.welcomeOrClose(), "staff opens the room");
            try (WsClient ann = WsClient.connect(ws("chat/" + room + "?name=ann"))) {
                assertNull(ann.welcomeOrClose(), "ann joins the room staff opened");
            }
        }
    }

    @Test
    default void aPublishThatWouldCreateARefusedRoomAnswers403() {
        String room = "staff-" + Rooms.fresh();
        HttpResponse<String> refused = HttpApi.post(http("api/rooms/" + room + "/messages"),
                HttpApi.object("from", "bot", "text", "hello"));
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(StaffRoomsPolicy.STAFF_ONLY), refused.body());
        assertEquals(1, publish(room, "staff-bot", "hello").path("seq").asLong());
    }
}
