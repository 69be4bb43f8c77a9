package dev.switchboard.bench.report;

import java.util.List;
import java.util.Optional;

/**
 * A performance target of the project (issues 7 and 11), checked against one run's medians: either a ratio between two
 * targets measured side by side, or a bound on one target's value.
 *
 * @param description what is asked, in words
 * @param metric      the metric compared
 * @param target      the target it is asked of
 * @param reference   the target compared with, or null for an absolute bound
 * @param bound       the least ratio (or, when {@code atMost}, the greatest ratio or value)
 * @param atMost      true when the ratio or value must not exceed {@code bound}
 */
public record Goal(String description, Metric metric, String target, String reference, double bound, boolean atMost) {

    public static final String LAUNCHER = "launcher";

    /** The targets of issue 7, and those of issue 11 (durable engines). */
    public static List<Goal> ofIssue7() {
        Metric fanout = Metric.higher("fanout", "deliveries/s");
        Metric fanoutP99 = Metric.lower("fanout", "p99 ms");
        Metric echo = Metric.higher("echo", "round trips/s");
        Metric handshakes = Metric.higher("connect", "handshakes/s");
        Metric bareHandshakes = Metric.higher("connect", "bare /echo handshakes/s");
        Metric rss = Metric.lower("connect", "RSS KB/connection");
        return List.of(
                new Goal("fan-out deliveries/s ≥ 1.0× Node ws", fanout, LAUNCHER, "node-ws", 1.0, false),
                new Goal("fan-out p99 no worse than Node ws", fanoutP99, LAUNCHER, "node-ws", 1.0, true),
                new Goal("echo round trips/s ≥ 1.0× Node ws", echo, LAUNCHER, "node-ws", 1.0, false),
                new Goal("handshakes/s ≥ 1.3× raw Tyrus (chat: welcome, presence)", handshakes, LAUNCHER,
                        "raw-tyrus", 1.3, false),
                new Goal("handshakes/s ≥ 1.3× raw Tyrus (bare /echo)", bareHandshakes, LAUNCHER, "raw-tyrus", 1.3,
                        false),
                new Goal("handshakes/s ≥ 1.0× Node ws (chat join: welcome, presence on both)", handshakes, LAUNCHER,
                        "node-ws", 1.0, false),
                new Goal("handshakes/s ≥ 1.0× Node ws (bare /echo)", bareHandshakes, LAUNCHER, "node-ws", 1.0,
                        false),
                new Goal("server CPU per bare handshake ≤ 150 µs",
                        Metric.lower("connect", "server CPU µs/bare handshake"), LAUNCHER, null, 150, true),
                new Goal("server CPU per chat join ≤ 150 µs",
                        Metric.lower("connect", "server CPU µs/handshake"), LAUNCHER, null, 150, true),
                new Goal("RSS per idle connection ≤ 8 KB", rss, LAUNCHER, null, 8, true),
                new Goal("live heap per idle connection ≤ 4 KB", Metric.lower("connect", "live heap KB/connection"),
                        LAUNCHER, null, 4, true),
                new Goal("GlassFish echo ≥ 0.8× launcher", echo, "glassfish", LAUNCHER, 0.8, false),
                new Goal("GlassFish fan-out ≥ 0.8× launcher", fanout, "glassfish", LAUNCHER, 0.8, false),
                new Goal("GlassFish handshakes ≥ 0.8× launcher", handshakes, "glassfish", LAUNCHER, 0.8, false),
                new Goal("GlassFish echo ≥ 0.9× a raw WAR in GlassFish", echo, "glassfish", "glassfish-raw",
                        0.9, false),
                new Goal("GlassFish fan-out ≥ 1.5× a raw WAR in GlassFish", fanout, "glassfish", "glassfish-raw",
                        1.5, false),
                new Goal("WildFly echo ≥ 0.9× a raw WAR in WildFly", echo, "wildfly", "wildfly-raw", 0.9, false),
                new Goal("WildFly fan-out ≥ 1.5× a raw WAR in WildFly", fanout, "wildfly", "wildfly-raw", 1.5,
                        false),
                new Goal("embedded engine fan-out ≥ 0.9× memory engine", fanout, LAUNCHER, "launcher-memory", 0.9,
                        false),
                new Goal("embedded engine echo ≥ 0.9× memory engine", echo, LAUNCHER, "launcher-memory", 0.9, false),
                new Goal("embedded engine publishes/s into one room ≥ 10,000", Metric.higher("publish", "publishes/s"),
                        LAUNCHER, null, 10_000, false),
                new Goal("busy room (1,000 members, 1,000 msg/s, 100 rooms chatting) p99 ≤ 20 ms",
                        Metric.lower("busy", "p99 ms"), LAUNCHER, null, 20, true));
    }

    /** The measured ratio (or value, for an absolute bound), when both sides were measured. */
    public Optional<Double> measured(Results results) {
        Optional<Results.Summary> mine = results.summary(metric, target);
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        if (reference == null) {
            return Optional.of(mine.get().median());
        }
        return results.summary(metric, reference).map(theirs -> mine.get().median() / theirs.median());
    }

    public boolean isMet(double measured) {
        return atMost ? measured <= bound : measured >= bound;
    }
}
