package dev.switchboard.engine;

/** The key under which engines remember a sender's client id: a repeat is the same sender with the same id. */
final class ClientIds {

    private ClientIds() {
    }

    /** {@code from + NUL + id}, or null when the message has no client id. */
    static String key(String from, String clientId) {
        return clientId == null ? null : from + '\0' + clientId;
    }
}
