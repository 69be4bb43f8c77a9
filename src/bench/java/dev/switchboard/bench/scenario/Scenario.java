package dev.switchboard.bench.scenario;

import dev.switchboard.bench.target.Target;

/** One kind of load, run against one started target. */
public interface Scenario {

    String name();

    /** Whether the target offers what the scenario needs (e.g. history for {@code recover}). */
    default boolean appliesTo(Target target) {
        return true;
    }

    /** Warms up, measures and adds its numbers to the context's results. */
    void run(ScenarioContext context) throws Exception;
}
