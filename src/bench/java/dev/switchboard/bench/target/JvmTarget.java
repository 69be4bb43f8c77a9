package dev.switchboard.bench.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the Java targets share: the JVM command line and the Switchboard settings the load needs. */
abstract class JvmTarget implements Target {

    /**
     * Settings that take the protective limits out of the load's way: one publisher sends thousands of messages a
     * second and one address opens ten thousand connections. Everything else stays at its default.
     */
    static final Map<String, String> BENCH_SETTINGS = Map.of(
            "rate.per.second", "1000000",
            "rate.burst", "1000000",
            "max.connections", "200000",
            "max.rooms", "200000",
            "max.connections.per.address", "200000",
            "publish.rate.per.second", "1000000",
            "publish.rate.burst", "1000000");

    private final List<String> jvmOptions;

    JvmTarget(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    /** {@code java}, the shared JVM options, then {@code rest}. */
    List<String> java(List<String> rest) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.addAll(jvmOptions);
        command.addAll(rest);
        return command;
    }

    String jvmOptionsText() {
        return String.join(" ", jvmOptions);
    }
}
