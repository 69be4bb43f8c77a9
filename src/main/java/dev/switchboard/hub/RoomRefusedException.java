package dev.switchboard.hub;

/** The {@link RoomPolicy} does not let this caller create this room; other rooms carry on. */
public final class RoomRefusedException extends RuntimeException {

    public RoomRefusedException(String reason) {
        super(reason);
    }
}
