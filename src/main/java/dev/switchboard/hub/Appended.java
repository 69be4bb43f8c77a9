package dev.switchboard.hub;

/**
 * What an append did.
 *
 * @param message   the stored message: the new one, or the original of a repeat
 * @param duplicate true when the sender had already said this client id and nothing new was appended
 */
public record Appended(StoredMessage message, boolean duplicate) {
}
