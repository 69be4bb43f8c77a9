package dev.switchboard.contract;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting for a state the server reaches on its own schedule, polled, up to a deadline the test states. */
public final class Conditions {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Conditions() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} when it does not within {@code grace}. */
    public static void await(String what, Duration grace, BooleanSupplier condition) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + grace + ": " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
