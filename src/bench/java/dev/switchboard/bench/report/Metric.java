package dev.switchboard.bench.report;

/**
 * One number the benchmark reports.
 *
 * @param scenario       the scenario that measures it, e.g. {@code fanout}
 * @param name           what it is, e.g. {@code deliveries/s}
 * @param higherIsBetter which way is better, for the report's reading aid
 */
public record Metric(String scenario, String name, boolean higherIsBetter) {

    public static Metric higher(String scenario, String name) {
        return new Metric(scenario, name, true);
    }

    public static Metric lower(String scenario, String name) {
        return new Metric(scenario, name, false);
    }

    /** Same metric in both orientations is one metric. */
    public String key() {
        return scenario + " " + name;
    }
}
