package dev.switchboard.app;

import java.util.Optional;

/**
 * The Switchboard this copy of our classes runs, for code the container makes rather than we (a CDI bean): the WAR's
 * context listener sets it when the application starts and clears it when it stops. One per class loader, so one per
 * deployed WAR.
 */
public final class RunningSwitchboard {

    private static volatile Switchboard current;

    private RunningSwitchboard() {
    }

    static void started(Switchboard switchboard) {
        current = switchboard;
    }

    static void stopped(Switchboard switchboard) {
        if (current == switchboard) {
            current = null;
        }
    }

    /** The running instance, or empty before the application started and after it stopped. */
    public static Optional<Switchboard> get() {
        return Optional.ofNullable(current);
    }
}
