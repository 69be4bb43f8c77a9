package dev.switchboard.websocket;

import dev.switchboard.hub.Member;

/** A room member reached over one WebSocket session. */
final class SessionMember implements Member {

    private final String name;
    private final OutboundQueue outbound;

    SessionMember(String name, OutboundQueue outbound) {
        this.name = name;
        this.outbound = outbound;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(String eventJson) {
        outbound.offer(eventJson);
    }
}
