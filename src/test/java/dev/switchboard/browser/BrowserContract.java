package dev.switchboard.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.HttpApi;
import dev.switchboard.contract.ServerUnderTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat page in a real browser, served by the runtime under test. */
public interface BrowserContract extends ServerUnderTest {

    /**
     * What the page promises after a drop: its longest reconnect delay (room-connection.js MAX_DELAY_MS, 30 s), plus
     * a generous grace for a loaded machine.
     */
    java.time.Duration RECONNECTED_WITHIN = java.time.Duration.ofSeconds(30 + 45);

    /** Names the runtime in screenshot files, e.g. {@code launcher}. */
    String runtimeName();

    /** How many of the room's kept messages have this text, asked over HTTP. */
    private long timesSaid(String room, String text) {
        JsonNode history = HttpApi.json(HttpApi.get(http("api/rooms/" + room + "/messages")));
        long said = 0;
        for (JsonNode message : history.path("messages")) {
            said += message.path("text").asText().equals(text) ? 1 : 0;
        }
        return said;
    }

    /**
     * Types {@code text}, presses Enter and drops the page's socket in the same turn of its event loop, so that no
     * acknowledgement can have arrived; then runs {@code andThen} (a script) in that turn too.
     */
    private static void sendAndDropTheSocket(Browser page, String text, String andThen) {
        page.script("const box = document.getElementById('text');"
                + "box.value = arguments[0]; document.getElementById('say').requestSubmit();"
                + "window.switchboardConnection().socket.close(4000, 'dropped by the test');" + andThen, text);
    }

    private static String freshRoom() {
        return "b-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    default void twoPeopleChatWithEachOther() throws Exception {
        String room = freshRoom();
        try (Browser ann = Browser.start(); Browser bob = Browser.start()) {
            ann.open(baseUri());
            ann.join(room, "ann");
            bob.open(baseUri());
            bob.join(room, "bob");
            ann.awaitText("members", "bob");
            ann.say("hi bob, one port serves us both");
            assertEquals(1, bob.awaitMessage("hi bob, one port serves us both"));
            bob.say("hi ann, over a WebSocket");
            assertEquals(1, ann.awaitMessage("hi ann, over a WebSocket"));
            assertEquals(List.of("1", "2"), ann.shownSeqs());
            assertEquals(List.of("1", "2"), bob.shownSeqs());
            ann.awaitText("socket-ports", "port " + baseUri().getPort());
            ann.screenshot(runtimeName() + "-two-people");
        }
    }

    @Test
    default void everyControlHasALabelAndNewMessagesAreAnnounced() {
        try (Browser ann = Browser.start()) {
            ann.open(baseUri());
            assertEquals(0L, ann.script("return [...document.querySelectorAll('input, button')]"
                    + ".filter(e => e.labels ? e.labels.length === 0 && !e.textContent.trim() : false).length"),
                    "every input has a label and every button a text");
            assertEquals("polite", ann.script("return document.getElementById('messages').getAttribute('aria-live')"));
            assertEquals("status", ann.script("return document.getElementById('state').getAttribute('role')"));
            assertEquals("alert", ann.script("return document.getElementById('problem').getAttribute('role')"));
        }
    }

    @Test
    default void onAPhoneWidthThePageFitsWithoutSidewaysScrolling() throws Exception {
        try (Browser ann = Browser.start()) {
            ann.resize(390, 844);
            ann.open(baseUri());
            ann.join(freshRoom(), "ann");
            ann.say("small screens too");
            ann.awaitMessage("small screens too");
            assertEquals(Boolean.TRUE, ann.script(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
            ann.screenshot(runtimeName() + "-phone");
        }
    }

    @Test
    default void aMessageWithMarkupIsShownAsText() {
        String room = freshRoom();
        String attack = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"><b>bold</b>";
        try (Browser ann = Browser.start(); Browser bob = Browser.start()) {
            ann.open(baseUri());
            ann.join(room, "ann");
            bob.open(baseUri());
            bob.join(room, "bob");
            ann.say(attack);
            assertEquals(1, bob.awaitMessage(attack), "the markup is shown as the text it is");
            assertNull(bob.script("return window.pwned"), "no script ran");
            assertEquals(0, bob.elementCount("#messages script, #messages img, #messages b"));
        }
    }

    @Test
    default void afterTheConnectionDropsThePageReconnectsAndShowsTheMissedMessagesOnce() {
        String room = freshRoom();
        try (Browser ann = Browser.start()) {
            ann.open(baseUri());
            ann.join(room, "ann");
            // The socket goes away as a network failure would (the page cannot tell who closed it). The server's own
            // closes are the contract's (LimitsContract); a flood over the rate, used here before, closes the socket
            // only when 40 frames are handled within one token's 50 ms, which a busy container does not promise.
            // As after five failed attempts, the page waits 8 to 16 s before it tries again: time to publish, even on a
            // loaded machine.
            ann.script("const connection = window.switchboardConnection(); connection.attempt = 5;"
                    + "connection.socket.close(4000, 'dropped by the test')");
            ann.awaitState("reconnecting");
            for (int i = 1; i <= 3; i++) {
                publish(room, "api", "sent while you were away " + i);
            }
            assertEquals("reconnecting", ann.state(), "the messages must be sent while the page is away");
            ann.awaitState("live", RECONNECTED_WITHIN);
            for (int i = 1; i <= 3; i++) {
                assertEquals(1, ann.awaitMessage("sent while you were away " + i), "shown exactly once");
            }
            List<String> seqs = ann.shownSeqs();
            assertEquals(seqs.size(), new HashSet<>(seqs).size(), "no seq is shown twice: " + seqs);
        }
    }

    @Test
    default void aMessageSentJustBeforeTheSocketDropsIsSaidExactlyOnce() {
        String room = freshRoom();
        try (Browser ann = Browser.start()) {
            ann.open(baseUri());
            ann.join(room, "ann");
            // Enter, and in the same turn of the page's event loop the socket drops: no acknowledgement can have
            // arrived, so the message is in the outbox and the page sends it again, with its id, after reconnecting.
            sendAndDropTheSocket(ann, "said exactly once", "");
            assertEquals("1 waiting to be sent", ann.text("outbox"));
            ann.awaitState("reconnecting");
            ann.awaitState("live", RECONNECTED_WITHIN);
            ann.awaitEmpty("outbox");
            assertEquals(1, ann.awaitMessage("said exactly once"), "the page shows it once");
            assertEquals(1, timesSaid(room, "said exactly once"), "the room has it once");
        }
    }

    @Test
    default void aMessageWaitingInTheOutboxSurvivesAReloadAndIsSaidOnce() {
        String room = freshRoom();
        try (Browser ann = Browser.start()) {
            ann.open(baseUri());
            ann.join(room, "ann");
            sendAndDropTheSocket(ann, "typed before the reload", "location.reload();");
            ann.open(baseUri());
            ann.join(room, "ann");
            ann.awaitEmpty("outbox");
            assertEquals(1, ann.awaitMessage("typed before the reload"));
            assertEquals(1, timesSaid(room, "typed before the reload"), "the room has it once");
        }
    }

    @Test
    default void aBurstOverTheRoomsRateIsPacedAndEveryMessageIsSaidOnce() {
        String room = freshRoom();
        try (Browser ann = Browser.start()) {
            ann.open(baseUri());
            ann.join(room, "ann");
            ann.script("const box = document.getElementById('text'), form = document.getElementById('say');"
                    + "for (let i = 0; i < 60; i++) { box.value = 'burst ' + i; form.requestSubmit(); }");
            ann.awaitEmpty("outbox");
            ann.awaitMessage("burst 59");
            List<String> shown = ann.messageTexts();
            for (int i = 0; i < 60; i++) {
                String text = "burst " + i;
                assertEquals(1, shown.stream().filter(text::equals).count(), text + " is shown once: " + shown);
            }
            assertEquals("live", ann.state(), "a paced page is never dropped for flooding");
        }
    }

    @Test
    default void anOverlongMessageIsRefusedWithAVisibleReasonAndKept() {
        String room = freshRoom();
        try (Browser ann = Browser.start()) {
            ann.open(baseUri());
            ann.join(room, "ann");
            String tooLong = "x".repeat(4100);
            ann.pasteAndEnter(tooLong);
            ann.awaitText("problem", "4096");
            assertTrue(ann.text("problem").contains("4100"), ann.text("problem"));
            assertEquals(tooLong, ann.value("text"), "the text stays in the box");
            assertEquals("4100/4096", ann.text("counter"));
            assertTrue(ann.messageTexts().isEmpty(), "nothing was sent");
        }
    }
}
