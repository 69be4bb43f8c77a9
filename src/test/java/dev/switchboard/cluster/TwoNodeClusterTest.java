package dev.switchboard.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.Conditions;
import dev.switchboard.contract.HttpApi;
import dev.switchboard.contract.WsClient;
import dev.switchboard.redis.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two launcher nodes on one real redis-server form one set of rooms. */
class TwoNodeClusterTest {

    /** What the engine promises to repair within: its 2 s sync, with a generous grace for a loaded machine. */
    private static final Duration REPAIR = Duration.ofSeconds(30);

    private RedisServer redis;
    private ClusterNode a;
    private ClusterNode b;

    @BeforeEach
    void startRedisAndTwoNodes() throws Exception {
        redis = RedisServer.start();
        a = ClusterNode.start("node-a", redis.uri());
        b = ClusterNode.start("node-b", redis.uri());
    }

    @AfterEach
    void stopEverything() throws Exception {
        b.close();
        a.close();
        redis.close();
    }

    private static List<Long> seqsOf(List<JsonNode> messages) {
        return messages.stream().map(message -> message.path("seq").asLong()).toList();
    }

    private static List<JsonNode> messages(WsClient member, int count, Duration timeout) {
        List<JsonNode> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(member.nextOfType("message", timeout));
        }
        return received;
    }

    private static void await(String what, BooleanSupplier condition) {
        Conditions.await(what, REPAIR, condition);
    }


    @Test
    void membersOnBothNodesSeeOneOrderUnderConcurrentPublishersOnBoth() {
        try (WsClient onA = WsClient.connect(a.ws("chat/shared?name=ann"));
             WsClient onB = WsClient.connect(b.ws("chat/shared?name=bob"))) {
            onA.expect("welcome");
            onB.expect("welcome");
            CompletableFuture<?> publishingOnA = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 200; i++) {
                    a.publish("shared", "alpha", "a" + i);
                }
            });
            CompletableFuture<?> publishingOnB = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 200; i++) {
                    b.publish("shared", "beta", "b" + i);
                }
            });
            CompletableFuture.allOf(publishingOnA, publishingOnB).join();
            List<JsonNode> seenOnA = messages(onA, 400, WsClient.TIMEOUT);
            List<JsonNode> seenOnB = messages(onB, 400, WsClient.TIMEOUT);
            assertEquals(LongStream.rangeClosed(1, 400).boxed().toList(), seqsOf(seenOnA));
            assertEquals(seenOnA, seenOnB, "both nodes deliver the same events in the same order");
        }
    }

    @Test
    void aPostOnOneNodeReachesAMemberOnTheOther() {
        try (WsClient onB = WsClient.connect(b.ws("chat/across?name=bob"))) {
            onB.expect("welcome");
            JsonNode posted = a.publish("across", "alpha", "hello from A");
            assertEquals(posted, onB.nextOfType("message"));
        }
    }

    @Test
    void aMemberMovingFromOneNodeToTheOtherWithSinceMissesNothing() {
        String epoch;
        try (WsClient onA = WsClient.connect(a.ws("chat/moving?name=ann"))) {
            epoch = onA.expect("welcome").path("epoch").asText();
            for (int i = 1; i <= 5; i++) {
                a.publish("moving", "alpha", "before " + i);
            }
            assertEquals(5, messages(onA, 5, WsClient.TIMEOUT).get(4).path("seq").asLong());
        }
        for (int i = 1; i <= 5; i++) {
            a.publish("moving", "alpha", "while away " + i);
        }
        try (WsClient onB = WsClient.connect(b.ws("chat/moving?name=ann&since=5&epoch=" + epoch))) {
            assertEquals(epoch, onB.expect("welcome").path("epoch").asText());
            assertEquals(List.of(6L, 7L, 8L, 9L, 10L), seqsOf(messages(onB, 5, WsClient.TIMEOUT)));
            a.publish("moving", "alpha", "live");
            assertEquals(11, onB.nextOfType("message").path("seq").asLong());
        }
    }

    @Test
    void presenceSpansNodes() {
        try (WsClient ann = WsClient.connect(a.ws("chat/together?name=ann"))) {
            ann.expect("welcome");
            try (WsClient bob = WsClient.connect(b.ws("chat/together?name=bob"))) {
                JsonNode welcome = bob.expect("welcome");
                List<String> members = new ArrayList<>();
                welcome.path("members").forEach(name -> members.add(name.asText()));
                assertTrue(members.containsAll(List.of("ann", "bob")), "welcome lists both nodes' members: " + welcome);
                JsonNode joined = ann.nextOfType("join", REPAIR);
                assertEquals("bob", joined.path("name").asText());
                assertEquals(2, joined.path("members").asInt());
                JsonNode listed = HttpApi.json(HttpApi.get(a.http("api/rooms/together/members")));
                assertEquals(2, listed.path("members").size(), listed.toString());
            }
            JsonNode left = ann.nextOfType("leave", REPAIR);
            assertEquals("bob", left.path("name").asText());
            assertEquals(1, left.path("members").asInt());
        }
    }

    @Test
    void bothNodesListTheRoomsTheEngineKnows() {
        a.publish("listed-on-a", "alpha", "x");
        JsonNode rooms = HttpApi.json(HttpApi.get(b.http("api/rooms")));
        List<String> names = new ArrayList<>();
        rooms.forEach(room -> names.add(room.path("room").asText()));
        assertTrue(names.contains("listed-on-a"), rooms.toString());
        assertEquals(1, HttpApi.json(HttpApi.get(b.http("api/rooms/listed-on-a/messages"))).path("lastSeq").asLong());
    }

    @ParameterizedTest(name = "redis stopped with {0}")
    @ValueSource(strings = {"SIGTERM", "SIGKILL"})
    void whileRedisIsDownNodesSayUnavailableAndAfterItIsBackNothingIsMissing(String signal) throws Exception {
        try (WsClient ann = WsClient.connect(a.ws("chat/outage?name=ann"));
             WsClient bob = WsClient.connect(b.ws("chat/outage?name=bob"))) {
            ann.expect("welcome");
            bob.expect("welcome");
            for (int i = 1; i <= 3; i++) {
                a.publish("outage", "alpha", "before " + i);
            }
            assertEquals(List.of(1L, 2L, 3L), seqsOf(messages(bob, 3, WsClient.TIMEOUT)));
            assertEquals(List.of(1L, 2L, 3L), seqsOf(messages(ann, 3, WsClient.TIMEOUT)));
            if (signal.equals("SIGTERM")) {
                redis.stop();
            } else {
                redis.kill();
            }
            await("node A reports the engine down", () -> HttpApi.get(a.http("health")).statusCode() == 503);
            HttpResponse<String> refused = HttpApi.post(a.http("api/rooms/outage/messages"),
                    HttpApi.object("from", "alpha", "text", "during"));
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            ann.sendText("{\"type\":\"say\",\"text\":\"during\"}");
            assertEquals("unavailable", ann.nextOfType("error").path("code").asText());

            redis.startAgain();
            await("both nodes report the engine up", () -> HttpApi.get(a.http("health")).statusCode() == 200
                    && HttpApi.get(b.http("health")).statusCode() == 200);
            for (int i = 4; i <= 6; i++) {
                JsonNode said = b.publish("outage", "beta", "after " + i);
                assertEquals(i, said.path("seq").asLong(), "the AOF kept the room's seq");
            }
            assertEquals(List.of(4L, 5L, 6L), seqsOf(messagesOf(ann, 3)),
                    "the open connection stayed open and missed nothing");
            assertEquals(List.of(4L, 5L, 6L), seqsOf(messages(bob, 3, REPAIR)));
        }
    }

    private static List<JsonNode> messagesOf(WsClient member, int count) {
        return messages(member, count, REPAIR);
    }

    @Test
    void afterFlushallMembersGetResetWithTheNewEpoch() {
        try (WsClient ann = WsClient.connect(a.ws("chat/wiped?name=ann"))) {
            String epoch = ann.expect("welcome").path("epoch").asText();
            a.publish("wiped", "alpha", "soon forgotten");
            ann.nextOfType("message");
            redis.with(commands -> commands.flushall());
            JsonNode reset = ann.nextOfType("reset", REPAIR);
            assertNotEquals(epoch, reset.path("epoch").asText());
            JsonNode first = a.publish("wiped", "alpha", "a new history");
            assertEquals(1, first.path("seq").asLong());
            assertEquals(first, ann.nextOfType("message", REPAIR));
        }
    }

    @Test
    void whenRedisKillsThePubSubConnectionsMidStreamTheNodesRepairTheGap() {
        try (WsClient bob = WsClient.connect(b.ws("chat/repaired?name=bob"))) {
            bob.expect("welcome");
            AtomicBoolean publishing = new AtomicBoolean(true);
            CompletableFuture<?> stream = CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= 300; i++) {
                    a.publish("repaired", "alpha", "m" + i);
                }
                publishing.set(false);
            });
            // Until the stream is done, also when a publish failed (then join() below reports it instead of spinning).
            while (publishing.get() && !stream.isDone()) {
                redis.with(commands -> commands.clientKill(io.lettuce.core.KillArgs.Builder.typePubsub()));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            stream.join();
            assertEquals(LongStream.rangeClosed(1, 300).boxed().toList(), seqsOf(messagesOf(bob, 300)));
        }
    }
}
