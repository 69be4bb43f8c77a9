package dev.switchboard.hub;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A chat room: its members, its message sequence and its recent history.
 * <p>
 * Every change happens under the room's lock, and events are handed to members inside it, so all members see
 * the same events in the same order, {@code seq} has no gaps, and a joining member's replay meets the live
 * stream with no gap and no repeat. Members only enqueue (see {@link Member}), and the writes wait until the lock
 * is let go ({@link Flusher#defer()}), which keeps the lock short whatever the network does.
 */
public final class Room {

    private final String name;
    private final Clock clock;
    private final MessageHistory history;
    /** Presence: each name with its open connections, in order of arrival. */
    private final Map<String, List<Member>> connectionsByName = new LinkedHashMap<>();
    private long lastSeq;

    Room(String name, Clock clock, int historySize) {
        this.name = name;
        this.clock = clock;
        this.history = new MessageHistory(historySize);
    }

    public String name() {
        return name;
    }

    /** Adds a connection without replay. */
    public void join(Member member) {
        join(member, OptionalLong.empty());
    }

    /**
     * Adds a connection. It gets {@code welcome}; then, when {@code since} is given, a {@code reset} if messages
     * after it have left history, and every kept message with a greater seq; then the live stream. The others
     * get {@code join} when the name is new to the room.
     */
    public void join(Member member, OptionalLong since) {
        try (Flusher.Deferral writesAfterUnlock = Flusher.defer()) {
            synchronized (this) {
                List<Member> connections = connectionsByName.get(member.name());
                boolean newName = connections == null;
                if (newName) {
                    connections = new ArrayList<>(1);
                    connectionsByName.put(member.name(), connections);
                }
                connections.add(member);
                member.deliver(Events.welcome(name, member.name(), connectionsByName.keySet(), lastSeq));
                if (since.isPresent()) {
                    long after = Math.max(since.getAsLong(), 0);
                    if (after + 1 < history.oldestSeq() && after < lastSeq) {
                        member.deliver(Events.reset(history.oldestSeq()));
                    }
                    member.replay(history.after(after, Integer.MAX_VALUE));
                }
                if (newName) {
                    Event join = Events.join(name, member.name(), connectionsByName.size());
                    forEachMember(other -> {
                        if (other != member) {
                            other.deliver(join);
                        }
                    });
                }
            }
        }
    }

    /** Removes a connection; when it was its name's last one, the others get {@code leave}. Idempotent. */
    public void leave(Member member) {
        try (Flusher.Deferral writesAfterUnlock = Flusher.defer()) {
            synchronized (this) {
                List<Member> connections = connectionsByName.get(member.name());
                if (connections == null || !connections.remove(member)) {
                    return;
                }
                if (connections.isEmpty()) {
                    connectionsByName.remove(member.name());
                    Event leave = Events.leave(name, member.name(), connectionsByName.size());
                    forEachMember(other -> other.deliver(leave));
                }
            }
        }
    }

    /**
     * Says {@code text} in the room: assigns the next seq, keeps the event in history and delivers it to every
     * member.
     *
     * @throws InvalidMessageException when the text breaks {@link ChatRules#checkText(String)}
     */
    public ChatMessage publish(String from, String text) {
        ChatRules.checkText(text).ifPresent(problem -> {
            throw new InvalidMessageException(problem);
        });
        try (Flusher.Deferral writesAfterUnlock = Flusher.defer()) {
            synchronized (this) {
                ChatMessage message = new ChatMessage(name, ++lastSeq, from, text, clock.instant());
                Event event = message.toEvent();
                history.append(event);
                forEachMember(member -> member.deliver(event));
                return message;
            }
        }
    }

    /** Kept messages with seq greater than {@code since}, oldest first, at most {@code limit}. */
    public synchronized HistoryPage history(long since, int limit) {
        return new HistoryPage(name, history.after(Math.max(since, 0), limit), lastSeq);
    }

    public synchronized List<Presence> presence() {
        List<Presence> presence = new ArrayList<>(connectionsByName.size());
        connectionsByName.forEach((member, connections) -> presence.add(new Presence(member, connections.size())));
        return presence;
    }

    public synchronized RoomSummary summary() {
        return new RoomSummary(name, connectionsByName.size(), lastSeq);
    }

    private void forEachMember(Consumer<Member> action) {
        for (List<Member> connections : connectionsByName.values()) {
            for (Member member : connections) {
                action.accept(member);
            }
        }
    }
}
