package dev.switchboard.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.HttpApi;
import dev.switchboard.contract.WsClient;
import dev.switchboard.redis.RedisServer;
import dev.switchboard.standalone.LauncherProcess;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two launcher jars on one Redis; one is killed with SIGKILL in the middle of a stream of publishes. */
class NodeKillIT {

    /** The node timeout these nodes run with, and the grace the test gives on top of it. */
    private static final String NODE_TIMEOUT = "3s";
    private static final Duration LEAVE_WITHIN = Duration.ofSeconds(3 + 30);

    private static LauncherProcess node(String id, RedisServer redis) throws Exception {
        return LauncherProcess.start("--port", "0", "--set", "engine=redis", "--set", "redis.uri=" + redis.uri(),
                "--set", "node.id=" + id, "--set", "redis.node.timeout=" + NODE_TIMEOUT,
                "--set", "publish.rate.per.second=1000000", "--set", "publish.rate.burst=1000000");
    }

    @Test
    void killingANodeMidStreamLosesNoAcknowledgedMessageAndItsMembersLeaveTheOthers() throws Exception {
        try (RedisServer redis = RedisServer.start();
             LauncherProcess a = node("node-a", redis);
             LauncherProcess b = node("node-b", redis);
             WsClient bob = WsClient.connect(b.ws("chat/killed?name=bob"))) {
            bob.expect("welcome");
            WsClient ann = WsClient.connect(a.ws("chat/killed?name=ann"));
            ann.expect("welcome");
            assertEquals("ann", bob.nextOfType("join", LEAVE_WITHIN).path("name").asText());

            List<Long> acknowledged = new CopyOnWriteArrayList<>();
            CompletableFuture<?> publishing = CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= 100_000; i++) {
                    HttpResponse<String> posted;
                    try {
                        posted = HttpApi.post(a.baseUri().resolve("api/rooms/killed/messages"),
                                HttpApi.object("from", "alpha", "text", "m" + i));
                    } catch (AssertionError connectionRefused) {
                        return; // the node is gone
                    }
                    if (posted.statusCode() != 201) {
                        return;
                    }
                    acknowledged.add(HttpApi.json(posted).path("seq").asLong());
                }
            });
            while (acknowledged.size() < 200) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            a.kill();
            publishing.join();
            long lastAcknowledged = acknowledged.get(acknowledged.size() - 1);

            List<Long> seenByBob = new ArrayList<>();
            while (seenByBob.isEmpty() || seenByBob.get(seenByBob.size() - 1) < lastAcknowledged) {
                seenByBob.add(bob.nextOfType("message", LEAVE_WITHIN).path("seq").asLong());
            }
            for (int i = 0; i < seenByBob.size(); i++) {
                assertEquals(i + 1, seenByBob.get(i), "bob sees every seq once, in order");
            }
            JsonNode history = HttpApi.json(HttpApi.get(
                    b.baseUri().resolve("api/rooms/killed/messages?since=" + (lastAcknowledged - 200) + "&limit=1000")));
            List<Long> kept = new ArrayList<>();
            history.path("messages").forEach(message -> kept.add(message.path("seq").asLong()));
            assertTrue(kept.containsAll(acknowledged.subList(acknowledged.size() - 200, acknowledged.size())),
                    "every acknowledged message is kept");

            JsonNode left = bob.nextOfType("leave", LEAVE_WITHIN);
            assertEquals("ann", left.path("name").asText(), "the dead node's member leaves");
            JsonNode members = HttpApi.json(HttpApi.get(b.baseUri().resolve("api/rooms/killed/members")));
            assertEquals(1, members.path("members").size(), members.toString());
        }
    }
}
