package dev.switchboard.glassfish;

import dev.switchboard.appserver.RoomsBeanWar;

/** An application's servlet in the same WAR injects {@code Rooms} (CDI) in GlassFish. */
class GlassFishRoomsBeanIT extends RoomsBeanWar {
}
