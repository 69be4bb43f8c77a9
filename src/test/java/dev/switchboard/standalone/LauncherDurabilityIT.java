package dev.switchboard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.HttpApi;
import dev.switchboard.contract.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default engine, as a user runs it: the README's command ({@code java -jar}, no flags but a free port), in a
 * working directory of its own where it keeps {@code switchboard-data/}, killed with SIGKILL and started again.
 */
class LauncherDurabilityIT {

    private Path workingDirectory;

    @BeforeEach
    void freshWorkingDirectory() throws Exception {
        workingDirectory = Files.createTempDirectory("switchboard-durable");
    }

    @AfterEach
    void removeWorkingDirectory() throws Exception {
        TempDirectories.delete(workingDirectory);
    }

    @Test
    void everyMessageAMemberSawOrAPublisherGot201ForSurvivesKillNineAndSeqContinues() throws Exception {
        List<Long> acknowledged = new ArrayList<>();
        List<JsonNode> seen = new ArrayList<>();
        String epoch;
        try (LauncherProcess first = LauncherProcess.startIn(workingDirectory, "--port", "0")) {
            WsClient member = WsClient.connect(first.ws("chat/durable?name=ann"));
            epoch = member.expect("welcome").path("epoch").asText();
            for (int i = 1; i <= 50; i++) {
                HttpResponse<String> posted = HttpApi.post(first.baseUri().resolve("api/rooms/durable/messages"),
                        HttpApi.object("from", "bob", "text", "message " + i));
                assertEquals(201, posted.statusCode(), posted.body());
                acknowledged.add(HttpApi.json(posted).path("seq").asLong());
            }
            member.sendText("{\"type\":\"say\",\"text\":\"last words\"}");
            JsonNode last;
            do {
                last = member.nextOfType("message", WsClient.TIMEOUT);
                seen.add(last);
            } while (!last.path("text").asText().equals("last words"));
            first.kill();
        }
        assertTrue(Files.isRegularFile(workingDirectory.resolve("switchboard-data/switchboard.db")),
                "the store is where the README says");
        try (LauncherProcess second = LauncherProcess.startIn(workingDirectory, "--port", "0")) {
            JsonNode history = HttpApi.json(HttpApi.get(
                    second.baseUri().resolve("api/rooms/durable/messages?since=0&limit=1000")));
            List<Long> kept = new ArrayList<>();
            history.path("messages").forEach(message -> kept.add(message.path("seq").asLong()));
            assertTrue(kept.containsAll(acknowledged), "every 201 survives: " + kept);
            seen.forEach(message -> assertTrue(kept.contains(message.path("seq").asLong()),
                    "every message a member saw survives: " + message));
            assertEquals(51, history.path("lastSeq").asLong());

            WsClient back = WsClient.connect(second.ws("chat/durable?name=ann&since=45&epoch=" + epoch));
            JsonNode welcome = back.expect("welcome");
            assertEquals(epoch, welcome.path("epoch").asText(), "the same history, so the same epoch");
            for (long seq = 46; seq <= 51; seq++) {
                assertEquals(seq, back.nextOfType("message", WsClient.TIMEOUT).path("seq").asLong());
            }
            JsonNode next = HttpApi.json(HttpApi.post(second.baseUri().resolve("api/rooms/durable/messages"),
                    HttpApi.object("from", "bob", "text", "after the restart")));
            assertEquals(52, next.path("seq").asLong(), "seq continues where it stopped");
            assertEquals(52, back.nextOfType("message", WsClient.TIMEOUT).path("seq").asLong());
            back.close();
        }
    }
}
