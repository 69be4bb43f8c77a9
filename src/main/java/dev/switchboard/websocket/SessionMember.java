package dev.switchboard.websocket;

import dev.switchboard.hub.Event;
import dev.switchboard.hub.Member;
import dev.switchboard.hub.OutboundQueue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A room member reached over one WebSocket connection. */
final class SessionMember implements Member {

    private final String name;
    private final OutboundQueue<Object> outbound;
    private volatile boolean seesPresence;
    private volatile Optional<Instant> expiresAt;

    SessionMember(String name, OutboundQueue<Object> outbound, boolean seesPresence, Optional<Instant> expiresAt) {
        this.name = name;
        this.outbound = outbound;
        this.seesPresence = seesPresence;
        this.expiresAt = expiresAt;
    }

    @Override
    public boolean seesPresence() {
        return seesPresence;
    }

    @Override
    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    /** A refreshed token: its expiry and what it lets the member see. */
    void renew(Optional<Instant> expiresAt, boolean seesPresence) {
        this.expiresAt = expiresAt;
        this.seesPresence = seesPresence;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Event event) {
        outbound.offer(event);
    }

    @Override
    public void replay(List<Event> events) {
        outbound.replay(events);
    }
}
