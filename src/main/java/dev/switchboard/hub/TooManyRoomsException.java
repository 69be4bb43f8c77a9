package dev.switchboard.hub;

/** A new room was asked for while {@code max.rooms} rooms exist; existing rooms carry on. */
public final class TooManyRoomsException extends RuntimeException {

    public TooManyRoomsException(int maxRooms) {
        super("too many rooms: this server keeps at most " + maxRooms);
    }
}
