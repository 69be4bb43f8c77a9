package dev.switchboard.contract;

import dev.switchboard.hub.RoomPolicy;

/** The room policy {@link RoomPolicyContract} installs: rooms named {@code staff-*} are opened by staff only. */
public final class StaffRoomsPolicy implements RoomPolicy {

    static final String STAFF_ONLY = "only staff may open a staff room";

    @Override
    public String refusalToCreate(String room, String who) {
        return room.startsWith("staff-") && !who.startsWith("staff") ? STAFF_ONLY : null;
    }
}
