package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who is in a room: names with their connection counts, and join/leave per name rather than per tab. */
public interface PresenceContract extends ServerUnderTest {

    /** Connects and waits for the welcome, so joins happen in this order (see ChatContract.joined). */
    private WsClient welcomed(String room, String name) {
        WsClient member = WsClient.connect(ws("chat/" + room + "?name=" + name));
        member.expect("welcome");
        return member;
    }

    private JsonNode members(String room) {
        HttpResponse<String> response = HttpApi.get(http("api/rooms/" + room + "/members"));
        assertEquals(200, response.statusCode(), response.body());
        return HttpApi.json(response);
    }

    /** Polls the presence API until it shows this, or fails after the timeout: closes complete asynchronously. */
    private void awaitMembers(String room, String expected) {
        long deadline = System.nanoTime() + WsClient.TIMEOUT.toNanos();
        String actual = null;
        while (System.nanoTime() < deadline) {
            actual = members(room).path("members").toString();
            if (actual.equals(expected)) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
        assertEquals(expected, actual, "presence did not settle within " + WsClient.TIMEOUT);
    }

    @Test
    default void membersListsEachNameOnceWithItsConnectionCount() {
        String room = Rooms.fresh();
        try (WsClient ann1 = welcomed(room, "ann"); WsClient ann2 = welcomed(room, "ann");
             WsClient bob = welcomed(room, "bob")) {
            JsonNode presence = members(room);
            assertEquals(room, presence.path("room").asText());
            assertEquals("[{\"name\":\"ann\",\"connections\":2},{\"name\":\"bob\",\"connections\":1}]",
                    presence.path("members").toString());
        }
    }

    @Test
    default void membersOfARoomNobodyUsedIsEmpty() {
        assertEquals("[]", members(Rooms.fresh()).path("members").toString());
    }

    @Test
    default void aNameWithTwoConnectionsLeavesOnlyWhenItsLastOneCloses() {
        String room = Rooms.fresh();
        try (WsClient bob = WsClient.connect(ws("chat/" + room + "?name=bob"))) {
            bob.expect("welcome");
            WsClient tab1 = WsClient.connect(ws("chat/" + room + "?name=ann"));
            tab1.expect("welcome");
            assertEquals("ann", bob.expect("join").path("name").asText());
            WsClient tab2 = WsClient.connect(ws("chat/" + room + "?name=ann"));
            JsonNode secondWelcome = tab2.expect("welcome");
            assertEquals("[\"bob\",\"ann\"]", secondWelcome.path("members").toString());

            tab1.close();
            awaitMembers(room, "[{\"name\":\"bob\",\"connections\":1},{\"name\":\"ann\",\"connections\":1}]");
            publish(room, "bot", "after the first tab closed");
            JsonNode next = bob.next();
            assertEquals("message", next.path("type").asText(), "no join or leave for a second tab: " + next);

            tab2.close();
            JsonNode left = bob.nextOfType("leave", Duration.ofSeconds(10));
            assertEquals("ann", left.path("name").asText());
            assertEquals(1, left.path("members").asInt());
        }
    }

    @Test
    default void aWelcomeListsAtMostWelcomeMembersMaxNamesAndSaysHowManyThereAre() {
        // The contract runs with welcome.members.max = 3 (see the pom).
        String room = Rooms.fresh();
        try (WsClient a = welcomed(room, "a"); WsClient b = welcomed(room, "b"); WsClient c = welcomed(room, "c");
             WsClient d = WsClient.connect(ws("chat/" + room + "?name=d"))) {
            JsonNode welcome = d.expect("welcome");
            assertEquals(4, welcome.path("membersTotal").asInt(), welcome.toString());
            assertEquals(3, welcome.path("members").size(), "the list is capped: " + welcome);
            assertEquals("a", welcome.path("members").get(0).asText(), "the first to arrive are listed");
            JsonNode all = HttpApi.json(HttpApi.get(http("api/rooms/" + room + "/members")));
            assertEquals(4, all.path("members").size(), "the members API lists everyone: " + all);
        }
    }

    @Test
    default void aRoomPastPresenceEventsMaxMembersAnnouncesNeitherJoinsNorLeaves() {
        // The contract runs with presence.events.max.members = 4 (see the pom).
        String room = Rooms.fresh();
        try (WsClient a = welcomed(room, "a"); WsClient b = welcomed(room, "b"); WsClient c = welcomed(room, "c");
             WsClient d = welcomed(room, "d")) {
            assertEquals(2, a.nextOfType("join").path("members").asInt());
            assertEquals(3, a.nextOfType("join").path("members").asInt());
            assertEquals(4, a.nextOfType("join").path("members").asInt(), "the fourth arrival is announced");

            WsClient e = welcomed(room, "e");
            publish(room, "bot", "after e arrived");
            JsonNode next = a.next();
            assertEquals("message", next.path("type").asText(), "the fifth arrival is not announced: " + next);

            e.close();
            awaitMembers(room, "[{\"name\":\"a\",\"connections\":1},{\"name\":\"b\",\"connections\":1},"
                    + "{\"name\":\"c\",\"connections\":1},{\"name\":\"d\",\"connections\":1}]");
            publish(room, "bot", "after e left");
            next = a.next();
            assertEquals("message", next.path("type").asText(), "leaving a room of five is not announced: " + next);

            d.close();
            JsonNode left = a.nextOfType("leave", WsClient.TIMEOUT);
            assertEquals("d", left.path("name").asText(), "back within the limit, leaves are announced again");
            assertEquals(3, left.path("members").asInt());
        }
    }
}
