package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code message.policy} extension point: a server started with {@link #SETTINGS} (the launcher's flags, the
 * WAR's context parameters, {@link ModerationPolicy} among the application's classes) lets the policy refuse or
 * rewrite every message before it takes a seq, whichever way it was said.
 */
public interface MessagePolicyContract extends ServerUnderTest {

    Map<String, String> SETTINGS = Map.of("message.policy", ModerationPolicy.class.getName());

    @Test
    default void aSayThePolicyRefusesGetsARejectedErrorAndTakesNoSeq() {
        String room = Rooms.fresh();
        try (WsClient sender = welcomed(room, "sender"); WsClient other = welcomed(room, "other")) {
            sender.say("buy now at https://spam.example");
            JsonNode error = sender.nextOfType("error");
            assertEquals("rejected", error.path("code").asText(), error::toString);
            assertEquals(ModerationPolicy.NO_LINKS, error.path("message").asText());
            sender.say("sorry");
            JsonNode delivered = other.nextOfType("message");
            assertEquals("sorry", delivered.path("text").asText(), "the other member never saw the refused one");
            assertEquals(1, delivered.path("seq").asLong(), "a refused message must not take a seq");
        }
    }

    @Test
    default void aMessageThePolicyRewritesIsDeliveredAndKeptAsRewritten() {
        String room = Rooms.fresh();
        try (WsClient sender = welcomed(room, "sender"); WsClient other = welcomed(room, "other")) {
            sender.say("darn, missed the bus");
            assertEquals("d**n, missed the bus", other.nextOfType("message").path("text").asText());
            assertEquals("d**n, missed the bus", sender.nextOfType("message").path("text").asText());
        }
        JsonNode history = HttpApi.json(HttpApi.get(http("api/rooms/" + room + "/messages")));
        assertEquals("d**n, missed the bus", history.path("messages").get(0).path("text").asText());
    }

    private WsClient welcomed(String room, String name) {
        WsClient member = WsClient.connect(ws("chat/" + room + "?name=" + name));
        member.expect("welcome");
        return member;
    }

    @Test
    default void anHttpPublishThePolicyRefusesAnswers422WithItsReason() {
        String room = Rooms.fresh();
        HttpResponse<String> refused = HttpApi.post(http("api/rooms/" + room + "/messages"),
                HttpApi.object("from", "bot", "text", "see http://spam.example"));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(ModerationPolicy.NO_LINKS), refused.body());
        assertEquals(1, publish(room, "bot", "plain words").path("seq").asLong(), "the refusal took no seq");
    }
}
