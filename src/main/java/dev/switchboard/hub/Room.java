package dev.switchboard.hub;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A chat room on this node: its members here, and the room's history as the engine delivered it.
 * <p>
 * The {@link RoomEngine} decides each message's seq and makes it durable; then it hands the message to the room
 * ({@link #committed}), in seq order. Every change happens under the room's lock, and events are handed to members
 * inside it, so all members see the same events in the same order, {@code seq} has no gaps, and a joining member's
 * replay meets the live stream with no gap and no repeat. Members only enqueue (see {@link Member}), and the writes
 * wait until the lock is let go ({@link Flusher#defer()}), which keeps the lock short whatever the network does.
 * <p>
 * A room with no members here can be closed ({@link #closeIfUnused}): it lets its history go and takes no more
 * members; the hub then opens a new one for the same name when it is needed again.
 */
public final class Room implements RoomFeed {

    private final String name;
    private final Clock clock;
    private final RoomEngine engine;
    private final MessageHistory history;
    private final int welcomeMembersMax;
    private final int presenceEventsMaxMembers;
    /** Presence: each name with its open connections, in order of arrival. */
    private final Map<String, List<Member>> connectionsByName = new LinkedHashMap<>();
    private String epoch;
    private long lastSeq;
    private long lastActivityMillis;
    private boolean closed;

    private final Traffic traffic;
    private final MessagePolicy policy;
    private final RoomObserver observer;

    /** The {@link Problem} code of a message the {@link MessagePolicy} refused. */
    public static final String REJECTED = "rejected";

    Room(String name, Clock clock, RoomLimits limits, RoomEngine engine, HistoryMemory memory, Traffic traffic,
            MessagePolicy policy, RoomObserver observer) {
        this.name = name;
        this.traffic = traffic;
        this.policy = policy;
        this.observer = observer;
        this.clock = clock;
        this.engine = engine;
        this.history = new MessageHistory(limits.historySize(), memory);
        this.lastActivityMillis = clock.millis();
        this.welcomeMembersMax = limits.welcomeMembersMax();
        this.presenceEventsMaxMembers = limits.presenceEventsMaxMembers();
    }

    public String name() {
        return name;
    }


    /**
     * Adds a connection. It gets {@code welcome} (listing at most {@code welcome.members.max} names); then, when {@code since} is given, a {@code reset} if messages
     * after it are not in history (they have left it, or {@code epoch} names history the room no longer has), and
     * every kept message with a greater seq; then the live stream. The others get {@code join} when the name is new
     * to the room and the room, with it, has at most {@code presence.events.max.members}. Returns false, and does nothing, when the room was closed meanwhile (the hub then joins the
     * member to the room's next instance).
     */
    boolean join(Member member, OptionalLong since, Optional<String> sinceEpoch) {
        try (Flusher.Deferral writesAfterUnlock = Flusher.defer()) {
            synchronized (this) {
                if (closed) {
                    return false;
                }
                lastActivityMillis = clock.millis();
                List<Member> connections = connectionsByName.get(member.name());
                boolean newName = connections == null;
                if (newName) {
                    connections = new ArrayList<>(1);
                    connectionsByName.put(member.name(), connections);
                }
                connections.add(member);
                boolean newToRoom = newName && !engine.presentElsewhere(name, member.name());
                if (newName) {
                    presenceChanged();
                }
                int members = memberCount();
                member.deliver(Events.welcome(name, member.name(),
                        member.seesPresence() ? presentNames(welcomeMembersMax) : List.of(), members, lastSeq, epoch,
                        member.expiresAt()));
                if (since.isPresent()) {
                    replay(member, Math.max(since.getAsLong(), 0), sinceEpoch);
                }
                if (newToRoom) {
                    observer.joined(name, member.name());
                }
                if (newToRoom && members <= presenceEventsMaxMembers) {
                    Event join = Events.join(name, member.name(), members);
                    forEachMember(other -> {
                        if (other != member && other.seesPresence()) {
                            other.deliver(join);
                        }
                    });
                }
                return true;
            }
        }
    }

    private void replay(Member member, long after, Optional<String> sinceEpoch) {
        boolean otherHistory = sinceEpoch.isPresent() && !sinceEpoch.get().equals(epoch);
        if (otherHistory || after > lastSeq) {
            member.deliver(Events.reset(history.oldestSeq(), epoch));
            member.replay(history.after(0, Integer.MAX_VALUE));
            return;
        }
        if (after + 1 < history.oldestSeq() && after < lastSeq) {
            member.deliver(Events.reset(history.oldestSeq(), epoch));
        }
        member.replay(history.after(after, Integer.MAX_VALUE));
    }

    /**
     * Removes a connection; when it was its name's last one, the others get {@code leave} if the room had at most
     * {@code presence.events.max.members} with it. Idempotent.
     */
    public void leave(Member member) {
        try (Flusher.Deferral writesAfterUnlock = Flusher.defer()) {
            synchronized (this) {
                List<Member> connections = connectionsByName.get(member.name());
                if (connections == null || !connections.remove(member)) {
                    return;
                }
                lastActivityMillis = clock.millis();
                if (connections.isEmpty()) {
                    connectionsByName.remove(member.name());
                    presenceChanged();
                    if (engine.presentElsewhere(name, member.name())) {
                        return;
                    }
                    observer.left(name, member.name());
                    int members = memberCount();
                    if (members >= presenceEventsMaxMembers) {
                        return;
                    }
                    Event leave = Events.leave(name, member.name(), members);
                    forEachMember(other -> {
                        if (other.seesPresence()) {
                            other.deliver(leave);
                        }
                    });
                }
            }
        }
    }

    /**
     * Says {@code text} in the room. The engine assigns the seq and makes the message durable; then every member
     * receives it, and the future completes. A repeat of a {@code clientId} the sender already used in kept history
     * completes with the original message, marked as a duplicate, and appends nothing.
     *
     * @param clientId the sender's id for this message ({@link ChatRules#isValidClientId}), or null
     * @throws InvalidMessageException when the text breaks {@link ChatRules#checkText(String)}
     */
    public CompletableFuture<Appended> publish(String from, String text, String clientId) {
        checkText(text);
        MessagePolicy.Verdict verdict = policy.review(name, from, text);
        if (!verdict.accepted()) {
            throw new InvalidMessageException(new Problem(REJECTED, verdict.refusal()));
        }
        if (!verdict.text().equals(text)) {
            checkText(verdict.text());
        }
        Instant at = clock.instant();
        CompletableFuture<Appended> appended = engine.append(name, MessageDraft.of(name, from, verdict.text(), clientId,
                at));
        if (observer.observing()) {
            appended.thenAccept(done -> {
                if (!done.duplicate()) {
                    observer.said(name, done.message().seq(), from, verdict.text(), at);
                }
            });
        }
        return appended;
    }

    private static void checkText(String text) {
        ChatRules.checkText(text).ifPresent(problem -> {
            throw new InvalidMessageException(problem);
        });
    }

    /** The state the engine had when this node opened the room, or after the engine lost the room's data. */
    @Override
    public void opened(RoomSnapshot snapshot) {
        try (Flusher.Deferral writesAfterUnlock = Flusher.defer()) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                boolean lost = epoch != null && !continues(snapshot);
                epoch = snapshot.epoch();
                lastSeq = snapshot.lastSeq();
                history.restartAt(snapshot.history().isEmpty() ? lastSeq + 1 : snapshot.history().get(0).seq());
                snapshot.history().forEach(message -> history.append(message.event()));
                if (lost) {
                    Event reset = Events.reset(history.oldestSeq(), epoch);
                    List<Event> kept = history.after(0, Integer.MAX_VALUE);
                    forEachMember(member -> {
                        member.deliver(reset);
                        member.replay(kept);
                    });
                }
            }
        }
    }

    /** Whether a snapshot is the same history as what members here have, with nothing missing in between. */
    private boolean continues(RoomSnapshot snapshot) {
        if (!epoch.equals(snapshot.epoch()) || snapshot.lastSeq() < lastSeq) {
            return false;
        }
        return snapshot.history().isEmpty() ? snapshot.lastSeq() == lastSeq
                : snapshot.history().get(0).seq() <= lastSeq + 1;
    }

    /** A durable message, in seq order: kept in history and delivered to every member here. */
    @Override
    public void committed(StoredMessage message) {
        try (Flusher.Deferral writesAfterUnlock = Flusher.defer()) {
            synchronized (this) {
                if (closed || message.seq() <= lastSeq) {
                    return;
                }
                lastSeq = message.seq();
                lastActivityMillis = clock.millis();
                Event event = message.event();
                history.append(event);
                forEachMember(member -> member.deliver(event));
                if (message.publishedAtNanos() != 0) {
                    traffic.fannedOutAfter(System.nanoTime() - message.publishedAtNanos());
                }
            }
        }
    }

    /** Join and leave events of members on other nodes; none in a room past {@code presence.events.max.members}. */
    @Override
    public void presence(List<Event> events) {
        try (Flusher.Deferral writesAfterUnlock = Flusher.defer()) {
            synchronized (this) {
                if (memberCount() > presenceEventsMaxMembers) {
                    return;
                }
                events.forEach(event -> forEachMember(member -> {
                    if (member.seesPresence()) {
                        member.deliver(event);
                    }
                }));
            }
        }
    }

    /**
     * Kept messages with seq greater than {@code since}, oldest first, at most {@code limit}; empty when the room
     * was closed (its history is no longer here).
     */
    synchronized Optional<HistoryPage> history(long since, int limit) {
        return closed ? Optional.empty()
                : Optional.of(new HistoryPage(name, history.after(Math.max(since, 0), limit), lastSeq));
    }

    /** The names present, with their connection counts: across every node when the engine spans several. */
    public List<Presence> presence() {
        return engine.presence(name).orElseGet(this::localPresence);
    }

    private synchronized List<Presence> localPresence() {
        List<Presence> presence = new ArrayList<>(connectionsByName.size());
        connectionsByName.forEach((member, connections) -> presence.add(new Presence(member, connections.size())));
        return presence;
    }

    public RoomSummary summary() {
        long seq;
        synchronized (this) {
            seq = lastSeq;
        }
        return new RoomSummary(name, presence().size(), seq);
    }

    /**
     * Closes the room when nobody is in it here and nothing happened in it for {@code idleMillis} (0: however
     * recent): it lets its history go and refuses later joins. Returns whether it closed.
     */
    synchronized boolean closeIfUnused(long idleMillis) {
        if (closed || !connectionsByName.isEmpty() || clock.millis() - lastActivityMillis < idleMillis) {
            return false;
        }
        closed = true;
        history.restartAt(lastSeq + 1);
        return true;
    }

    /** Lets the older half of the kept history go (at least one message); returns whether any was kept. */
    synchronized boolean shedHistory() {
        int size = history.size();
        history.dropOldest(Math.max(1, size / 2));
        return size > 0;
    }

    synchronized long lastActivityMillis() {
        return lastActivityMillis;
    }

    /** The room's current epoch. */
    public synchronized String epoch() {
        return epoch;
    }

    private void presenceChanged() {
        if (engine.sharesPresence()) {
            engine.presenceChanged(name, localPresence());
        }
    }

    /** The first {@code max} names present, in order of arrival: building all of them would make joins quadratic. */
    private List<String> presentNames(int max) {
        Optional<List<Presence>> everywhere = engine.presence(name);
        return (everywhere.isPresent() ? everywhere.get().stream().map(Presence::name)
                : connectionsByName.keySet().stream()).limit(max).toList();
    }

    private int memberCount() {
        return engine.presence(name).map(List::size).orElseGet(connectionsByName::size);
    }

    private void forEachMember(Consumer<Member> action) {
        for (List<Member> connections : connectionsByName.values()) {
            for (Member member : connections) {
                action.accept(member);
            }
        }
    }
}
