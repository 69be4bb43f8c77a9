package dev.switchboard.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every number of one benchmark invocation, by metric and target, one value per repetition. */
public final class Results {

    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
    private final Set<String> targets = new LinkedHashSet<>();
    private final List<String> failures = new ArrayList<>();

    public synchronized void add(Metric metric, String target, double value) {
        metrics.putIfAbsent(metric.key(), metric);
        targets.add(target);
        values.computeIfAbsent(metric.key(), k -> new LinkedHashMap<>())
                .computeIfAbsent(target, t -> new ArrayList<>()).add(value);
    }

    public synchronized void failed(String what) {
        failures.add(what);
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    public synchronized void declareTarget(String target) {
        targets.add(target);
    }

    public synchronized List<Metric> metrics() {
        return List.copyOf(metrics.values());
    }

    public synchronized List<String> targets() {
        return List.copyOf(targets);
    }

    /** The values of every repetition, in the order measured. */
    public synchronized List<Double> values(Metric metric, String target) {
        return List.copyOf(values.getOrDefault(metric.key(), Map.of()).getOrDefault(target, List.of()));
    }

    /** Median, minimum and maximum over the repetitions, when there are any. */
    public Optional<Summary> summary(Metric metric, String target) {
        List<Double> all = new ArrayList<>(values(metric, target));
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Collections.sort(all);
        int n = all.size();
        double median = n % 2 == 1 ? all.get(n / 2) : (all.get(n / 2 - 1) + all.get(n / 2)) / 2;
        return Optional.of(new Summary(median, all.get(0), all.get(n - 1), n));
    }

    /** @param count how many repetitions measured it */
    public record Summary(double median, double min, double max, int count) {
    }
}
