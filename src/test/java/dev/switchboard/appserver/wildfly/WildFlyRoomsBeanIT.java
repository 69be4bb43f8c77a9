package dev.switchboard.appserver.wildfly;

import dev.switchboard.appserver.RoomsBeanWar;

/** An application's servlet in the same WAR injects {@code Rooms} (CDI) in WildFly. */
class WildFlyRoomsBeanIT extends RoomsBeanWar {
}
