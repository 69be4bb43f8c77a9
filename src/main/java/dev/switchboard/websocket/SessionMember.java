package dev.switchboard.websocket;

import dev.switchboard.hub.Event;
import dev.switchboard.hub.Member;
import dev.switchboard.hub.OutboundQueue;

import java.util.List;

/** A room member reached over one WebSocket connection. */
final class SessionMember implements Member {

    private final String name;
    private final OutboundQueue<Object> outbound;
    private final boolean seesPresence;

    SessionMember(String name, OutboundQueue<Object> outbound, boolean seesPresence) {
        this.name = name;
        this.outbound = outbound;
        this.seesPresence = seesPresence;
    }

    @Override
    public boolean seesPresence() {
        return seesPresence;
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
