package dev.switchboard.contract;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics}: Prometheus text that moves with what the server does. */
public interface MetricsContract extends ServerUnderTest {

    private double metric(String nameAndLabels) {
        HttpResponse<String> metrics = HttpApi.get(http("metrics"));
        assertEquals(200, metrics.statusCode(), metrics.body());
        return metrics.body().lines().filter(line -> line.startsWith(nameAndLabels + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + nameAndLabels + " in " + metrics.body()));
    }

    @Test
    default void metricsAreServedInPrometheusTextFormat() {
        HttpResponse<String> metrics = HttpApi.get(http("metrics"));
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                metrics.headers().toString());
        assertTrue(metrics.body().contains("# TYPE switchboard_connections gauge"), metrics.body());
    }

    @Test
    default void anHttpPublishCountsOnce() {
        String room = Rooms.fresh();
        double before = metric("switchboard_messages_published_total{transport=\"http\"}");
        publish(room, "bot", "counted");
        assertEquals(before + 1, metric("switchboard_messages_published_total{transport=\"http\"}"));
    }

    @Test
    default void aRefusedHandshakeCountsUnderItsStatus() {
        double before = metric("switchboard_handshake_refusals_total{reason=\"403\"}", 0);
        RawHttp.Response refused = RawHttp.get(baseUri(), baseUri().getPath() + "chat/" + Rooms.fresh() + "?name=eve",
                "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Origin: http://evil.example");
        assertEquals(403, refused.status());
        assertEquals(before + 1, metric("switchboard_handshake_refusals_total{reason=\"403\"}"));
    }

    @Test
    default void anOpenWebSocketIsCounted() {
        try (WsClient ann = WsClient.connect(ws("chat/" + Rooms.fresh() + "?name=ann"))) {
            ann.expect("welcome");
            assertTrue(metric("switchboard_connections{transport=\"websocket\"}") >= 1);
        }
    }

    @Test
    default void aMessageToThreeMembersCountsThreeDeliveriesItsBytesOneAppendAndOneDeliveryTime() {
        String room = Rooms.fresh();
        try (WsClient ann = WsClient.connect(ws("chat/" + room + "?name=ann"));
             WsClient bob = WsClient.connect(ws("chat/" + room + "?name=bob"));
             WsClient cy = WsClient.connect(ws("chat/" + room + "?name=cy"))) {
            for (WsClient member : List.of(ann, bob, cy)) {
                member.expect("welcome");
            }
            double deliveries = metric("switchboard_deliveries_total");
            double bytes = metric("switchboard_sent_bytes_total");
            double appends = metric("switchboard_engine_calls_total{op=\"append\"}");
            double timed = metric("switchboard_publish_delivery_seconds_count");
            ann.say("counted three times");
            for (WsClient member : List.of(ann, bob, cy)) {
                member.nextOfType("message");
            }
            // At least: other rooms' presence may move the counters meanwhile.
            assertTrue(metric("switchboard_deliveries_total") >= deliveries + 3);
            assertTrue(metric("switchboard_sent_bytes_total") >= bytes + 3 * "counted three times".length());
            assertTrue(metric("switchboard_engine_calls_total{op=\"append\"}") >= appends + 1);
            assertTrue(metric("switchboard_publish_delivery_seconds_count") >= timed + 1);
            assertTrue(metric("switchboard_outbound_queued") >= 0);
        }
    }

    private double metric(String nameAndLabels, double absent) {
        HttpResponse<String> metrics = HttpApi.get(http("metrics"));
        return metrics.body().contains(nameAndLabels + " ") ? metric(nameAndLabels) : absent;
    }
}
