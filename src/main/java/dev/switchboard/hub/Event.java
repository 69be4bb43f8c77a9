package dev.switchboard.hub;

import java.nio.charset.StandardCharsets;

/**
 * One encoded event of the chat protocol, shared by every member that receives it and by history: its JSON text,
 * and the same text as UTF-8, encoded at most once however many connections write it.
 */
public final class Event {

    private final String json;
    private volatile byte[] utf8;

    public Event(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The JSON as UTF-8 bytes, shared: callers must not modify them. */
    public byte[] utf8() {
        byte[] bytes = utf8;
        if (bytes == null) {
            bytes = json.getBytes(StandardCharsets.UTF_8);
            utf8 = bytes;
        }
        return bytes;
    }

    /** Its weight against a queue's bound: characters of JSON, mostly ASCII, so about bytes. */
    public int length() {
        return json.length();
    }

    @Override
    public String toString() {
        return json;
    }
}
