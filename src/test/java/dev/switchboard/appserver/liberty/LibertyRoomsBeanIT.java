package dev.switchboard.appserver.liberty;

import dev.switchboard.contract.RoomsBeanContract;

/** An application's servlet in the same WAR injects {@code Rooms} (CDI) in Open Liberty. */
class LibertyRoomsBeanIT extends StartedLiberty implements RoomsBeanContract {
}
