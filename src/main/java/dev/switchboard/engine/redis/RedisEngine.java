package dev.switchboard.engine.redis;

import dev.switchboard.engine.Epochs;
import dev.switchboard.hub.Appended;
import dev.switchboard.hub.EngineHealth;
import dev.switchboard.hub.EngineUnavailableException;
import dev.switchboard.hub.Event;
import dev.switchboard.hub.Events;
import dev.switchboard.hub.Flusher;
import dev.switchboard.hub.MessageDraft;
import dev.switchboard.hub.Presence;
import dev.switchboard.hub.RoomEngine;
import dev.switchboard.hub.RoomFeed;
import dev.switchboard.hub.RoomSnapshot;
import dev.switchboard.hub.RoomSummary;
import dev.switchboard.hub.StoredMessage;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.Range;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.Limit;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code redis} engine: several nodes share rooms through one Redis (see {@link RedisScripts} and
 * {@link RedisKeys}).
 * <p>
 * A message is appended by a script that assigns its seq, adds it to the room's stream and publishes it; the
 * publishing node and every node subscribed to the room deliver it when they see it, in seq order. Pub/sub is
 * at-most-once, so each node tracks the last seq it delivered per room, drops repeats, and fills any gap from the
 * stream before going on; a periodic check and every reconnect to Redis repair what pub/sub lost at the tail.
 * When the room's epoch changes (Redis lost its data), the node starts the room again from the new state and its
 * members get {@code reset}. One engine thread owns all of this; Lettuce's threads only hand work to it.
 * <p>
 * Presence: each node writes its own names per room into the room's presence hash and heartbeats in a node set;
 * names of nodes whose heartbeat is older than {@code nodeTimeout} are left out and removed.
 */
public final class RedisEngine implements RoomEngine {

    private static final Logger LOG = Logger.getLogger(RedisEngine.class.getName());
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final long SYNC_MILLIS = 2000;
    private static final int FILL_PAGE = 1000;
    private static final int MAX_LISTED_ROOMS = 1000;
    private static final String PRESENCE_CHANGED = "p";

    private final RedisClient client;
    private final ClientResources resources;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> pubsub;
    private final ScheduledExecutorService thread;
    private final ConcurrentHashMap<String, RedisRoom> rooms = new ConcurrentHashMap<>();
    private final String nodeId;
    private final int historySize;
    private final Duration nodeTimeout;
    private final String address;
    private final String appendSha;
    private final String stateSha;
    private volatile Set<String> liveNodes = Set.of();
    private volatile boolean closing;

    private RedisEngine(RedisClient client, ClientResources resources, StatefulRedisConnection<String, String> connection,
                        StatefulRedisPubSubConnection<String, String> pubsub, String nodeId, int historySize,
                        Duration nodeTimeout, String address) {
        this.client = client;
        this.resources = resources;
        this.connection = connection;
        this.pubsub = pubsub;
        this.nodeId = nodeId;
        this.historySize = historySize;
        this.nodeTimeout = nodeTimeout;
        this.address = address;
        this.appendSha = connection.sync().scriptLoad(RedisScripts.APPEND);
        this.stateSha = connection.sync().scriptLoad(RedisScripts.STATE);
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread engineThread = new Thread(task, "switchboard-redis");
            engineThread.setDaemon(true);
            return engineThread;
        });
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                String room = RedisKeys.roomOfChannel(channel);
                if (room != null) {
                    onThread(() -> received(room, message));
                }
            }
        });
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress socketAddress) {
                onThread(RedisEngine.this::heartbeatAndSync);
            }
        });
        long beat = Math.max(500, nodeTimeout.toMillis() / 3);
        thread.scheduleWithFixedDelay(this::heartbeat, 0, beat, TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::syncAll, SYNC_MILLIS, SYNC_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Connects to Redis at {@code uri} ({@code redis://[:password@]host:port/db} or {@code rediss://}).
     *
     * @param nodeTimeout how long a node's names stay listed after its last heartbeat
     * @throws EngineUnavailableException when Redis cannot be reached now; the message names the host, never the
     *                                    password
     */
    public static RedisEngine connect(String uri, String nodeId, int historySize, Duration nodeTimeout) {
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(COMMAND_TIMEOUT);
        String address = redisUri.getHost() + ":" + redisUri.getPort();
        // Reconnect quickly once Redis is back (Lettuce's default backs off to 30 s).
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, redisUri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        StatefulRedisConnection<String, String> connection = null;
        try {
            connection = client.connect();
            StatefulRedisPubSubConnection<String, String> pubsub = client.connectPubSub();
            return new RedisEngine(client, resources, connection, pubsub, nodeId, historySize, nodeTimeout, address);
        } catch (RedisException e) {
            if (connection != null) {
                connection.close();
            }
            client.shutdown();
            resources.shutdown();
            throw new EngineUnavailableException("cannot reach Redis at " + address + ": " + e.getMessage());
        }
    }

    @Override
    public void open(String room, RoomFeed feed) {
        RedisRoom state = new RedisRoom(room, feed);
        try {
            pubsub.async().subscribe(RedisKeys.channel(room)).get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            connection.async().sadd(RedisKeys.ROOMS, room).get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            CompletableFuture<Void> opened = new CompletableFuture<>();
            onThread(() -> {
                try {
                    rooms.put(room, state);
                    catchUp(state);
                    refreshPresence(state);
                    opened.complete(null);
                } catch (RuntimeException e) {
                    rooms.remove(room, state);
                    opened.completeExceptionally(e);
                }
            });
            opened.get(2 * COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unavailable("cannot open room " + room, e.getCause());
        } catch (TimeoutException e) {
            throw unavailable("Redis did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", e);
        }
    }

    @Override
    public CompletableFuture<Appended> append(String room, MessageDraft draft) {
        String clientId = draft.clientId() == null ? "" : draft.clientId();
        String[] keys = {RedisKeys.meta(room), RedisKeys.stream(room),
                draft.clientId() == null ? RedisKeys.meta(room) : RedisKeys.clientId(room, draft.from(), clientId)};
        CompletableFuture<Appended> appended = new CompletableFuture<>();
        String[] args = {draft.head(), draft.tail(), String.valueOf(historySize), RedisKeys.channel(room),
                Epochs.next(), clientId, String.valueOf(RedisScripts.CLIENT_ID_SECONDS)};
        connection.async().<List<Object>>evalsha(appendSha, ScriptOutputType.MULTI, keys, args)
                .toCompletableFuture()
                .exceptionallyCompose(failure -> failure instanceof RedisNoScriptException
                        // Redis restarted and forgot its script cache: EVAL loads the script again.
                        ? connection.async().<List<Object>>eval(RedisScripts.APPEND, ScriptOutputType.MULTI, keys, args)
                        : CompletableFuture.failedFuture(failure))
                .whenComplete((reply, failure) -> {
                    if (failure != null) {
                        appended.completeExceptionally(unavailable("Redis did not take the message", failure));
                        return;
                    }
                    long seq = (Long) reply.get(0);
                    String epoch = (String) reply.get(1);
                    StoredMessage message = new StoredMessage(seq, draft.from(), draft.clientId(),
                            new Event((String) reply.get(2)), draft.publishedAtNanos());
                    if ((Long) reply.get(3) == 1L) {
                        appended.complete(new Appended(message, true));
                        return;
                    }
                    onThread(() -> {
                        RedisRoom state = rooms.get(room);
                        if (state != null) {
                            arrived(state, seq, epoch, message.event().json());
                        }
                        appended.complete(new Appended(message, false));
                    });
                });
        return appended;
    }

    @Override
    public List<RoomSummary> rooms() {
        try {
            RedisCommands<String, String> redis = connection.sync();
            List<String> names = new ArrayList<>(redis.smembers(RedisKeys.ROOMS));
            Collections.sort(names);
            List<RoomSummary> summaries = new ArrayList<>();
            for (String name : names.subList(0, Math.min(names.size(), MAX_LISTED_ROOMS))) {
                String top = redis.hget(RedisKeys.meta(name), "s");
                summaries.add(new RoomSummary(name, presentNames(name).size(), top == null ? 0 : Long.parseLong(top)));
            }
            return summaries;
        } catch (RedisException e) {
            throw unavailable("cannot list rooms", e);
        }
    }

    private Set<String> presentNames(String room) {
        RedisRoom state = rooms.get(room);
        if (state != null) {
            Set<String> names = new HashSet<>();
            state.everyone().forEach(presence -> names.add(presence.name()));
            return names;
        }
        Set<String> names = new HashSet<>();
        connection.sync().hkeys(RedisKeys.presence(room)).forEach(field -> {
            String[] nodeAndName = field.split("\t", 2);
            if (nodeAndName.length == 2 && liveNodes.contains(nodeAndName[0])) {
                names.add(nodeAndName[1]);
            }
        });
        return names;
    }

    /**
     * Unsubscribes before returning, so that a new open of the room, which subscribes again, cannot be undone by
     * this; the room's keys stay in Redis.
     */
    @Override
    public void release(String room, RoomFeed feed) {
        RedisRoom state = rooms.get(room);
        if (state == null || state.feed != feed) {
            return;
        }
        try {
            pubsub.async().unsubscribe(RedisKeys.channel(room)).get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.FINE, "could not unsubscribe from room " + room + "; its messages are dropped here", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onThread(() -> rooms.remove(room, state));
    }

    @Override
    public long roomCount() {
        try {
            return connection.sync().scard(RedisKeys.ROOMS);
        } catch (RedisException e) {
            throw unavailable("cannot count rooms", e);
        }
    }

    @Override
    public boolean knows(String room) {
        try {
            return connection.sync().sismember(RedisKeys.ROOMS, room);
        } catch (RedisException e) {
            throw unavailable("cannot look up room " + room, e);
        }
    }

    @Override
    public void presenceChanged(String room, List<Presence> here) {
        RedisRoom state = rooms.get(room);
        if (state != null) {
            state.local = List.copyOf(here);
            onThread(() -> writePresence(state, true));
        }
    }

    @Override
    public boolean sharesPresence() {
        return true;
    }

    @Override
    public Optional<List<Presence>> presence(String room) {
        RedisRoom state = rooms.get(room);
        return state == null ? Optional.empty() : Optional.of(state.everyone());
    }

    @Override
    public boolean presentElsewhere(String room, String name) {
        RedisRoom state = rooms.get(room);
        return state != null && state.remote.containsKey(name);
    }

    @Override
    public EngineHealth health() {
        boolean up = !closing && connection.isOpen() && pubsub.isOpen();
        return new EngineHealth("redis", up, (up ? "connected to " : "cannot reach ") + "Redis at " + address
                + " as node " + nodeId);
    }

    /** Takes this node's names out of every room (the others see them leave now), then disconnects. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        CompletableFuture<Void> left = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                for (RedisRoom state : rooms.values()) {
                    state.local = List.of();
                    writePresence(state, true);
                }
                connection.sync().zrem(RedisKeys.NODES, nodeId);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not take this node's presence out of Redis", e);
            }
            left.complete(null);
        });
        try {
            left.get(2 * COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.FINE, "leaving Redis did not finish", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pubsub.close();
        connection.close();
        client.shutdown();
        resources.shutdown();
    }

    // Everything below runs on the engine's thread.

    private void onThread(Runnable task) {
        if (closing && thread.isShutdown()) {
            return;
        }
        try {
            thread.execute(() -> {
                try (Flusher.Deferral writesAfterTheTask = Flusher.defer()) {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "a Redis task failed; the next sync repairs it", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** A pub/sub message: {@code SEQ:EPOCH:EVENT}, or {@code p} when a node's presence changed. */
    private void received(String room, String payload) {
        RedisRoom state = rooms.get(room);
        if (state == null || state.epoch == null) {
            return; // not open here yet: its snapshot will include this
        }
        if (payload.equals(PRESENCE_CHANGED)) {
            refreshPresence(state);
            return;
        }
        int first = payload.indexOf(':');
        int second = payload.indexOf(':', first + 1);
        if (first < 0 || second < 0) {
            return;
        }
        arrived(state, Long.parseLong(payload.substring(0, first)), payload.substring(first + 1, second),
                payload.substring(second + 1));
    }

    /** A message that reached this node: delivered in order, after whatever was missed before it. */
    private void arrived(RedisRoom state, long seq, String epoch, String json) {
        if (state.epoch == null || !state.epoch.equals(epoch)) {
            catchUp(state);
            return;
        }
        if (seq <= state.lastSeq) {
            return;
        }
        if (seq > state.lastSeq + 1) {
            fill(state, seq - 1);
        }
        if (seq == state.lastSeq + 1) {
            deliver(state, new StoredMessage(seq, null, null, new Event(json)));
        }
    }

    private void deliver(RedisRoom state, StoredMessage message) {
        state.lastSeq = message.seq();
        state.feed.committed(message);
    }

    /** Brings the room up to Redis's state: the missing messages, or a new snapshot when the epoch changed. */
    private void catchUp(RedisRoom state) {
        String[] keys = {RedisKeys.meta(state.name)};
        List<Object> reply;
        try {
            reply = connection.sync().evalsha(stateSha, ScriptOutputType.MULTI, keys, Epochs.next());
        } catch (RedisNoScriptException e) {
            reply = connection.sync().eval(RedisScripts.STATE, ScriptOutputType.MULTI, keys, Epochs.next());
        }
        String epoch = (String) reply.get(0);
        long top = (Long) reply.get(1);
        if (state.epoch == null || !state.epoch.equals(epoch) || top < state.lastSeq) {
            restart(state, epoch, top);
        } else if (top > state.lastSeq) {
            fill(state, top);
        }
    }

    private void restart(RedisRoom state, String epoch, long top) {
        List<StreamMessage<String, String>> newestFirst = connection.sync().xrevrange(RedisKeys.stream(state.name),
                Range.create("-", "+"), Limit.from(historySize));
        List<StoredMessage> history = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            history.add(stored(newestFirst.get(i)));
        }
        long lastSeq = history.isEmpty() ? top : Math.max(top, history.get(history.size() - 1).seq());
        state.epoch = epoch;
        state.lastSeq = lastSeq;
        state.feed.opened(new RoomSnapshot(epoch, lastSeq, history));
    }

    /** Delivers seqs after the last one delivered up to {@code upTo} from the stream. */
    private void fill(RedisRoom state, long upTo) {
        while (state.lastSeq < upTo) {
            List<StreamMessage<String, String>> page = connection.sync().xrange(RedisKeys.stream(state.name),
                    Range.create((state.lastSeq + 1) + "-0", upTo + "-0"), Limit.from(FILL_PAGE));
            if (page.isEmpty() || seqOf(page.get(0)) != state.lastSeq + 1) {
                // What is missing has left the stream: start again from what it keeps (members get reset).
                LOG.info("room " + state.name + " fell behind the stream on this node; its members get reset");
                restart(state, state.epoch, upTo);
                return;
            }
            page.forEach(entry -> deliver(state, stored(entry)));
        }
    }

    private static StoredMessage stored(StreamMessage<String, String> entry) {
        return new StoredMessage(seqOf(entry), null, null, new Event(entry.getBody().get("d")));
    }

    private static long seqOf(StreamMessage<String, String> entry) {
        String id = entry.getId();
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    private void syncAll() {
        for (RedisRoom state : rooms.values()) {
            try {
                if (state.epoch != null) {
                    catchUp(state);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "cannot sync room " + state.name + " now", e);
                return; // Redis is unreachable; the next round or the reconnect tries again
            }
        }
    }

    private void heartbeatAndSync() {
        heartbeat();
        syncAll();
    }

    /** Says this node is alive, rewrites its presence, drops dead nodes, and refreshes every room's view. */
    private void heartbeat() {
        try {
            RedisCommands<String, String> redis = connection.sync();
            long now = System.currentTimeMillis();
            redis.zadd(RedisKeys.NODES, now, nodeId);
            if (!rooms.isEmpty()) {
                redis.sadd(RedisKeys.ROOMS, rooms.keySet().toArray(String[]::new));
            }
            redis.zremrangebyscore(RedisKeys.NODES, Range.create(0, now - nodeTimeout.toMillis()));
            liveNodes = Set.copyOf(redis.zrange(RedisKeys.NODES, 0, -1));
            for (RedisRoom state : rooms.values()) {
                writePresence(state, false);
                refreshPresence(state);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "heartbeat to Redis failed", e);
        }
    }

    /** Writes this node's names of a room; {@code announce} tells the other nodes to look again. */
    private void writePresence(RedisRoom state, boolean announce) {
        Map<String, Integer> now = new HashMap<>();
        state.local.forEach(presence -> now.put(presence.name(), presence.connections()));
        RedisCommands<String, String> redis = connection.sync();
        String key = RedisKeys.presence(state.name);
        List<String> gone = state.written.keySet().stream().filter(name -> !now.containsKey(name))
                .map(name -> nodeId + "\t" + name).toList();
        if (!gone.isEmpty()) {
            redis.hdel(key, gone.toArray(String[]::new));
        }
        if (!now.isEmpty()) {
            Map<String, String> fields = new HashMap<>();
            now.forEach((name, count) -> fields.put(nodeId + "\t" + name, String.valueOf(count)));
            redis.hset(key, fields);
        }
        boolean changed = !now.equals(state.written);
        state.written = now;
        if (announce && changed) {
            redis.publish(RedisKeys.channel(state.name), PRESENCE_CHANGED);
        }
    }

    /** Reads the other live nodes' names and shows members here who came and went. */
    private void refreshPresence(RedisRoom state) {
        Map<String, String> fields = connection.sync().hgetall(RedisKeys.presence(state.name));
        Map<String, Integer> remote = new HashMap<>();
        List<String> dead = new ArrayList<>();
        fields.forEach((field, count) -> {
            String[] nodeAndName = field.split("\t", 2);
            if (nodeAndName.length != 2 || nodeAndName[0].equals(nodeId)) {
                return;
            }
            if (liveNodes.contains(nodeAndName[0])) {
                remote.merge(nodeAndName[1], Integer.parseInt(count), Integer::sum);
            } else {
                dead.add(field);
            }
        });
        if (!dead.isEmpty()) {
            connection.sync().hdel(RedisKeys.presence(state.name), dead.toArray(String[]::new));
        }
        Map<String, Integer> before = state.remote;
        state.remote = Map.copyOf(remote);
        List<Event> events = new ArrayList<>();
        int members = state.everyone().size();
        remote.keySet().stream().filter(name -> !before.containsKey(name) && !state.isLocal(name)).sorted()
                .forEach(name -> events.add(Events.join(state.name, name, members)));
        before.keySet().stream().filter(name -> !remote.containsKey(name) && !state.isLocal(name)).sorted()
                .forEach(name -> events.add(Events.leave(state.name, name, members)));
        if (!events.isEmpty()) {
            state.feed.presence(events);
        }
    }

    private static EngineUnavailableException unavailable(String what, Throwable cause) {
        String why = cause == null ? "" : ": " + cause.getMessage();
        return new EngineUnavailableException(what + why, cause);
    }
}
