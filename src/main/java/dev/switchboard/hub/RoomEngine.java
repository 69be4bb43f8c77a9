package dev.switchboard.hub;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where rooms are agreed on and kept: it assigns each message its {@code seq}, makes it durable, keeps each room's
 * history and epoch, and delivers every room's messages to this node in seq order. The hub owns this boundary;
 * an engine (in memory, embedded on disk, or shared by several nodes) plugs in behind it.
 * <p>
 * A message reaches a room's {@link RoomFeed} only once the engine has made it durable, and each feed receives its
 * room's messages exactly once each, in seq order, whichever node published them.
 */
public interface RoomEngine extends AutoCloseable {

    /**
     * Opens a room on this node: hands {@code feed} the room's state ({@link RoomFeed#opened}) before this returns,
     * and from then on every new message, with no gap between the two. Creates the room when the engine has never
     * seen it.
     *
     * @throws EngineUnavailableException when the engine cannot be reached
     */
    void open(String room, RoomFeed feed);

    /**
     * Appends a message. The future completes once it is durable and this node's feed has received it, with the
     * stored message; when the same sender already said a message with the same client id that is still kept, with
     * that original message instead (and nothing new is appended). It fails with {@link EngineUnavailableException}
     * when the engine cannot take it.
     */
    CompletableFuture<Appended> append(String room, MessageDraft draft);

    /**
     * This node no longer follows the room (nobody here is in it): the engine stops feeding {@code feed} and drops
     * what it held for it here. Durable engines keep the room; the {@code memory} engine forgets it. Ignored when
     * {@code feed} is no longer the room's feed.
     */
    void release(String room, RoomFeed feed);

    /** How many rooms the engine holds (every node's, for an engine that spans several). */
    long roomCount();

    /** Every room the engine knows, with its latest seq, sorted by name. */
    List<RoomSummary> rooms();

    /** Whether the engine knows this room (it has said messages or been opened before). */
    boolean knows(String room);

    /**
     * Presence across nodes, for engines that span several: this node's names in a room changed. Called under the
     * room's lock: it must only take note. Local engines ignore it and let the room answer from its own members.
     */
    default void presenceChanged(String room, List<Presence> here) {
    }

    /** Whether the engine wants {@link #presenceChanged} (it spans nodes); if not, rooms skip building the list. */
    default boolean sharesPresence() {
        return false;
    }

    /**
     * Presence across every node, from what the engine already holds (no I/O), or empty when the engine leaves
     * presence to this node's room.
     */
    default Optional<List<Presence>> presence(String room) {
        return Optional.empty();
    }

    /** Whether this name is present in the room on another node (so its arrival here is no news to the room). */
    default boolean presentElsewhere(String room, String name) {
        return false;
    }

    /** Whether the engine takes messages now, and what it says about itself for {@code /health}. */
    EngineHealth health();

    /** Releases files, connections and threads. */
    @Override
    void close();
}
