package dev.switchboard.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.HttpApi;
import dev.switchboard.contract.WsClient;
import dev.switchboard.redis.RedisServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Redis that wants a password: the node authenticates with the one in redis.uri and never shows it. */
class RedisPasswordTest {

    private static final String PASSWORD = "s3cret-redis-password-9f2c";

    @Test
    void aNodeUsesThePasswordInTheUriAndNeitherHealthNorTheLogsShowIt() throws Exception {
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        Handler capture = new StreamHandler(new PrintStream(logs, true, StandardCharsets.UTF_8), new SimpleFormatter());
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try (RedisServer redis = RedisServer.start(PASSWORD);
             ClusterNode node = ClusterNode.start("node-secret", redis.uri());
             WsClient member = WsClient.connect(node.ws("chat/guarded?name=ann"))) {
            member.expect("welcome");
            JsonNode said = node.publish("guarded", "bot", "through an authenticated Redis");
            assertEquals(said, member.nextOfType("message"));
            HttpResponse<String> health = HttpApi.get(node.http("health"));
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("127.0.0.1:" + redis.port()), health.body());
            assertFalse(health.body().contains(PASSWORD), "health shows the address, never the password");
            redis.stop();
            HttpResponse<String> down = HttpApi.get(node.http("health"));
            assertFalse(down.body().contains(PASSWORD), down.body());
        } finally {
            capture.flush();
            root.removeHandler(capture);
        }
        assertFalse(logs.toString(StandardCharsets.UTF_8).contains(PASSWORD), "no log line carries the password");
    }

    @Test
    void aWrongPasswordFailsTheStartWithTheAddressAndWithoutThePassword() throws Exception {
        try (RedisServer redis = RedisServer.start(PASSWORD)) {
            String wrong = redis.uri().replace(PASSWORD, "not-the-password-1234");
            RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> ClusterNode.start("node-wrong", wrong));
            assertTrue(refused.getMessage().contains("127.0.0.1:" + redis.port()), refused.getMessage());
            assertFalse(refused.getMessage().contains("not-the-password-1234"), refused.getMessage());
        }
    }
}
