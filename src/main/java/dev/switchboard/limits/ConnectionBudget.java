package dev.switchboard.limits;

import java.util.HashMap;
import java.util.Map;

/**
 * The connections one node holds open, of every protocol (WebSocket and line), against {@code max.connections} and
 * {@code max.connections.per.address}. A connection takes its place before it is upgraded and gives it back when it
 * ends. The per-address map holds only addresses with connections open, so it is bounded by the connections.
 */
public final class ConnectionBudget {

    private final int maxConnections;
    private final int maxPerAddress;
    private final Map<String, Integer> perAddress = new HashMap<>();
    private int open;

    public ConnectionBudget(int maxConnections, int maxPerAddress) {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
    }

    /** Whether one more connection from this address would fit now. */
    public synchronized boolean hasRoomFor(String address) {
        return open < maxConnections && perAddress.getOrDefault(address, 0) < maxPerAddress;
    }

    /** Takes a place for a connection from this address; false when a limit is reached. */
    public synchronized boolean tryAcquire(String address) {
        if (!hasRoomFor(address)) {
            return false;
        }
        open++;
        perAddress.merge(address, 1, Integer::sum);
        return true;
    }

    /** Gives back the place of a connection that ended; once per successful {@link #tryAcquire}. */
    public synchronized void release(String address) {
        Integer count = perAddress.get(address);
        if (count == null) {
            return;
        }
        if (count > 1) {
            perAddress.put(address, count - 1);
        } else {
            perAddress.remove(address);
        }
        open--;
    }

    /** Connections open now, of every protocol. */
    public synchronized int open() {
        return open;
    }
}
