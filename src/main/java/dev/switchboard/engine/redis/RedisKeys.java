package dev.switchboard.engine.redis;

/**
 * The Redis keys of the redis engine. A room's keys share the hash tag {@code {room}}, so one script touches one
 * Redis Cluster slot; the two node-wide keys are only ever used alone.
 */
final class RedisKeys {

    /** Every room the engine has seen (a set). */
    static final String ROOMS = "switchboard:rooms";
    /** Live nodes, scored by their last heartbeat in epoch milliseconds (a sorted set). */
    static final String NODES = "switchboard:nodes";

    private RedisKeys() {
    }

    /** Hash: {@code e} the epoch, {@code s} the top seq. */
    static String meta(String room) {
        return "switchboard:{" + room + "}:meta";
    }

    /** Stream of the kept {@code message} events, entry id {@code SEQ-0}, field {@code d} the event. */
    static String stream(String room) {
        return "switchboard:{" + room + "}:stream";
    }

    /** String: the seq a sender's client id was said at. */
    static String clientId(String room, String from, String clientId) {
        return "switchboard:{" + room + "}:id:" + from + ":" + clientId;
    }

    /** Hash: {@code NODE<TAB>NAME} to that name's connection count on that node. */
    static String presence(String room) {
        return "switchboard:{" + room + "}:presence";
    }

    /** Pub/sub channel of the room's new messages and presence changes. */
    static String channel(String room) {
        return "switchboard:{" + room + "}:channel";
    }

    /** The room a channel belongs to, or null. */
    static String roomOfChannel(String channel) {
        int open = channel.indexOf('{');
        int close = channel.indexOf('}', open + 1);
        return open < 0 || close < 0 ? null : channel.substring(open + 1, close);
    }
}
