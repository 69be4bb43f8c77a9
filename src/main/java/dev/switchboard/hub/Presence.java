package dev.switchboard.hub;

/**
 * One name present in a room.
 *
 * @param name        the member's name
 * @param connections how many connections (tabs, devices) it has open in the room
 */
public record Presence(String name, int connections) {
}
