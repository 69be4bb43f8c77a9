package dev.switchboard.hub;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat room: its members and its message sequence.
 * <p>
 * Every change happens under the room's lock, and events are handed to members inside it, so all members see
 * the same events in the same order and {@code seq} has no gaps. Members only enqueue (see {@link Member}),
 * which keeps the lock short whatever the network does.
 */
public final class Room {

    private final String name;
    private final Clock clock;
    /** Presence: each name with its open connections, in order of arrival. */
    private final Map<String, List<Member>> connectionsByName = new LinkedHashMap<>();
    private long lastSeq;

    Room(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    /**
     * Adds a connection: it gets {@code welcome}; the others get {@code join} when the name is new to the room.
     */
    public synchronized void join(Member member) {
        List<Member> connections = connectionsByName.get(member.name());
        boolean newName = connections == null;
        if (newName) {
            connections = new ArrayList<>(1);
            connectionsByName.put(member.name(), connections);
        }
        connections.add(member);
        member.deliver(Events.welcome(name, member.name(), connectionsByName.keySet(), lastSeq));
        if (newName) {
            String join = Events.join(name, member.name(), connectionsByName.size());
            forEachMember(other -> {
                if (other != member) {
                    other.deliver(join);
                }
            });
        }
    }

    /** Removes a connection; when it was its name's last one, the others get {@code leave}. */
    public synchronized void leave(Member member) {
        List<Member> connections = connectionsByName.get(member.name());
        if (connections == null || !connections.remove(member)) {
            return;
        }
        if (connections.isEmpty()) {
            connectionsByName.remove(member.name());
            String leave = Events.leave(name, member.name(), connectionsByName.size());
            forEachMember(other -> other.deliver(leave));
        }
    }

    /**
     * Says {@code text} in the room: assigns the next seq and delivers the {@code message} event to every member.
     *
     * @throws InvalidMessageException when the text breaks {@link ChatRules#checkText(String)}
     */
    public ChatMessage publish(String from, String text) {
        ChatRules.checkText(text).ifPresent(problem -> {
            throw new InvalidMessageException(problem);
        });
        synchronized (this) {
            ChatMessage message = new ChatMessage(name, ++lastSeq, from, text, clock.instant());
            String event = message.toEvent();
            forEachMember(member -> member.deliver(event));
            return message;
        }
    }

    public synchronized RoomSummary summary() {
        return new RoomSummary(name, connectionsByName.size(), lastSeq);
    }

    private void forEachMember(java.util.function.Consumer<Member> action) {
        for (List<Member> connections : connectionsByName.values()) {
            for (Member member : connections) {
                action.accept(member);
            }
        }
    }
}
