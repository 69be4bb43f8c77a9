package dev.switchboard.engine.redis;

import dev.switchboard.hub.RoomEngine;

/** The {@code redis} engine: rooms shared by several nodes through one Redis. */
public final class RedisEngine {

    private RedisEngine() {
    }

    public static RoomEngine connect(String uri, String nodeId, int historySize) {
        throw new UnsupportedOperationException("the redis engine is not built yet");
    }
}
