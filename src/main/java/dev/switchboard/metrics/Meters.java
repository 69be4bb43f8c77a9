package dev.switchboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Switchboard's meters, in a Micrometer registry that {@code GET /metrics} writes in Prometheus text format. Counters
 * are created once and incremented without allocating; gauges read what the application already counts.
 */
public final class Meters {

    /** How a message arrived, or a connection is carried. */
    public enum Transport {
        WEBSOCKET, LINE, HTTP;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What an engine is asked to do, for {@code switchboard_engine_calls_total{op}}. */
    public enum EngineOp {
        OPEN, APPEND, RELEASE, ROOMS, PRESENCE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Upper bounds of the publish→delivery histogram's buckets, from a millisecond to ten seconds. */
    private static final java.time.Duration[] LATENCY_BUCKETS = java.util.stream.LongStream.of(
            1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 2500, 10000)
            .mapToObj(java.time.Duration::ofMillis).toArray(java.time.Duration[]::new);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Transport, Counter> published = new java.util.EnumMap<>(Transport.class);
    private final Counter slowConsumerCloses;
    private final Counter rateLimitCloses;
    private final Map<EngineOp, Counter> engineCalls = new java.util.EnumMap<>(EngineOp.class);
    private final Map<EngineOp, Counter> engineFailures = new java.util.EnumMap<>(EngineOp.class);
    private final io.micrometer.core.instrument.Timer publishToDelivery;
    /** By HTTP status: a handful of values at most (400, 401, 403, 426, 503). */
    private final Map<Integer, Counter> refusals = new ConcurrentHashMap<>();

    public Meters() {
        for (Transport transport : Transport.values()) {
            published.put(transport, Counter.builder("switchboard.messages.published")
                    .description("messages made durable and delivered, by how they were said")
                    .tag("transport", transport.tag()).register(registry));
        }
        slowConsumerCloses = Counter.builder("switchboard.closes").tag("reason", "slow-consumer")
                .description("connections closed by the server, by reason").register(registry);
        rateLimitCloses = Counter.builder("switchboard.closes").tag("reason", "rate-limit")
                .description("connections closed by the server, by reason").register(registry);
        for (EngineOp op : EngineOp.values()) {
            engineCalls.put(op, Counter.builder("switchboard.engine.calls").tag("op", op.tag())
                    .description("calls to the room engine, by operation").register(registry));
            engineFailures.put(op, Counter.builder("switchboard.engine.failures").tag("op", op.tag())
                    .description("engine calls that failed (engine unavailable), by operation").register(registry));
        }
        publishToDelivery = io.micrometer.core.instrument.Timer.builder("switchboard.publish.delivery")
                .description("from a message's publish on this node to its fan-out to this node's members")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofSeconds(10))
                .register(registry);
    }

    /** Counts what the engine is asked. */
    public dev.switchboard.hub.RoomEngine metered(dev.switchboard.hub.RoomEngine engine) {
        return new MeteredEngine(engine, this);
    }

    /** Deliveries, what was sent, what waits and publish→delivery times, read from the hub's traffic counters. */
    public void traffic(dev.switchboard.hub.Traffic traffic) {
        io.micrometer.core.instrument.FunctionCounter.builder("switchboard.deliveries", traffic,
                dev.switchboard.hub.Traffic::delivered)
                .description("events handed to members' outbound queues (messages, presence, welcomes, errors)")
                .register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("switchboard.sent.messages", traffic,
                dev.switchboard.hub.Traffic::sentMessages)
                .description("events written to connections").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("switchboard.sent.bytes", traffic,
                dev.switchboard.hub.Traffic::sentWeight)
                .description("what was written to connections: bytes, counting a text's characters (one per byte "
                        + "for ASCII)").register(registry);
        Gauge.builder("switchboard.outbound.queued", traffic, dev.switchboard.hub.Traffic::queued)
                .description("events waiting in outbound queues now, all connections together").register(registry);
        traffic.measurePublishToDelivery(
                nanos -> publishToDelivery.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    void engineCalled(EngineOp op) {
        engineCalls.get(op).increment();
    }

    /** An engine call that failed, here or (for an append) when its future completed. */
    public void engineFailed(EngineOp op) {
        engineFailures.get(op).increment();
    }

    /** A gauge read on each scrape. */
    public void gauge(String name, String description, String tagKey, String tagValue, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).tag(tagKey, tagValue).register(registry);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void published(Transport transport) {
        published.get(transport).increment();
    }

    public void slowConsumerClosed() {
        slowConsumerCloses.increment();
    }

    public void rateLimitClosed() {
        rateLimitCloses.increment();
    }

    /** A handshake or upgrade refused before it switched protocols, with this HTTP status. */
    public void handshakeRefused(int status) {
        refusals.computeIfAbsent(status, code -> Counter.builder("switchboard.handshake.refusals")
                .description("handshakes and upgrades refused before switching, by HTTP status")
                .tag("reason", String.valueOf(code)).register(registry)).increment();
    }

    /** Everything, in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }
}
