package dev.switchboard.engine.redis;

import dev.switchboard.hub.Presence;
import dev.switchboard.hub.RoomFeed;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One room as this node follows it in Redis. The engine's thread owns the delivery state ({@code epoch},
 * {@code lastSeq}, what this node wrote to the presence hash); the presence views are replaced whole, so room
 * threads may read them at any time.
 */
final class RedisRoom {

    final String name;
    final RoomFeed feed;
    /** The epoch of what was delivered; null until the room's snapshot is in. */
    String epoch;
    /** The last seq delivered to the feed. */
    long lastSeq;
    /** This node's names and counts as last written to Redis. */
    Map<String, Integer> written = new HashMap<>();
    /** This node's names, in order of arrival, as the room last reported them. */
    volatile List<Presence> local = List.of();
    /** Names on other live nodes, with their connection counts. */
    volatile Map<String, Integer> remote = Map.of();

    RedisRoom(String name, RoomFeed feed) {
        this.name = name;
        this.feed = feed;
    }

    /** Everyone present on every node: this node's names first, in order of arrival, then the others'. */
    List<Presence> everyone() {
        Map<String, Integer> all = new LinkedHashMap<>();
        for (Presence presence : local) {
            all.put(presence.name(), presence.connections());
        }
        remote.forEach((name, count) -> all.merge(name, count, Integer::sum));
        return all.entrySet().stream().map(e -> new Presence(e.getKey(), e.getValue())).toList();
    }

    boolean isLocal(String member) {
        return local.stream().anyMatch(presence -> presence.name().equals(member));
    }
}
