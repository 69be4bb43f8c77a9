package dev.switchboard.contract;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh room names, so tests sharing one server never see each other's members or messages. */
final class Rooms {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    private Rooms() {
    }

    static String fresh() {
        return "t-" + RUN + "-" + COUNTER.incrementAndGet();
    }
}
