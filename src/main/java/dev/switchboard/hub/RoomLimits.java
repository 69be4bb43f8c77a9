package dev.switchboard.hub;

import java.time.Duration;

/**
 * What bounds the rooms of one node.
 *
 * @param historySize           messages each room keeps for history and recovery
 * @param welcomeMembersMax     names a welcome lists at most
 * @param presenceEventsMaxMembers a room announces join and leave while it has at most this many members
 * @param maxRooms              rooms that may exist (in the engine); past it a new room is refused
 * @param idleTimeout           a room with no members here and no activity for this long leaves memory
 * @param historyMemoryMaxBytes what the histories of every open room may hold in the JVM together
 */
public record RoomLimits(int historySize, int welcomeMembersMax, int presenceEventsMaxMembers, int maxRooms, Duration idleTimeout,
        long historyMemoryMaxBytes) {
}
