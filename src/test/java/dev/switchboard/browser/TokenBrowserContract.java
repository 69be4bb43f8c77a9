package dev.switchboard.browser;

import dev.switchboard.contract.ServerUnderTest;
import dev.switchboard.contract.TokenAuthContract;
import dev.switchboard.contract.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The chat page in Chromium against a server with {@code auth=token} ({@link TokenAuthContract#SETTINGS}): the page
 * takes its token from its fragment, sends it as a subprotocol and says in words when it is not let in.
 */
public interface TokenBrowserContract extends ServerUnderTest {

    private URI signedIn(String subject, Map<String, List<String>> rooms) {
        return URI.create(baseUri() + "#token=" + Tokens.signed(TokenAuthContract.SECRET, subject, rooms,
                TokenAuthContract.HOUR, TokenAuthContract.AUDIENCE));
    }

    @Test
    default void aSignedInPageJoinsAsItsTokensSubject() {
        String room = "signed-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser ann = Browser.start()) {
            ann.open(signedIn("ann", Map.of(room, TokenAuthContract.ALL)));
            ann.joinSignedIn(room);
            ann.awaitState("live");
            ann.say("signed in, not claimed");
            assertEquals(1, ann.awaitMessage("signed in, not claimed"));
            ann.awaitText("messages", "ann");
        }
    }

    @Test
    default void aRoomTheTokenDoesNotGrantIsRefusedInWords() {
        try (Browser ann = Browser.start()) {
            ann.open(signedIn("ann", Map.of("team-*", TokenAuthContract.ALL)));
            ann.joinSignedIn("not-a-team-room");
            ann.awaitText("problem", "did not let you in");
        }
    }
}
