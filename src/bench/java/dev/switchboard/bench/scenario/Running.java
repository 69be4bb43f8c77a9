package dev.switchboard.bench.scenario;

/** Whether a scenario's load is still being generated; once stopped, handlers send nothing more. */
final class Running {

    private volatile boolean on = true;

    boolean isOn() {
        return on;
    }

    void stop() {
        on = false;
    }
}
