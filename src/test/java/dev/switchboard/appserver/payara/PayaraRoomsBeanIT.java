package dev.switchboard.appserver.payara;

import dev.switchboard.appserver.RoomsBeanWar;

/** An application's servlet in the same WAR injects {@code Rooms} (CDI) in Payara. */
class PayaraRoomsBeanIT extends RoomsBeanWar {
}
