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

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Transport, Counter> published = new java.util.EnumMap<>(Transport.class);
    private final Counter slowConsumerCloses;
    private final Counter rateLimitCloses;
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
