package dev.switchboard.hub;

/**
 * Decides what a message may say before it takes a seq: moderation, length, links. Every message passes it, however
 * it was said (WebSocket {@code say}, a line, the HTTP publish API), after the built-in rules ({@link ChatRules}); a
 * rewritten text must keep to them too. It runs on the caller's thread before anything is stored, so it must be quick
 * and must not block; a refusal reaches the sender as an {@code error} with code {@code rejected} (HTTP: 422).
 * <p>
 * Name an implementation with a public no-argument constructor in the {@code message.policy} setting.
 */
@FunctionalInterface
public interface MessagePolicy {

    /** Lets every message through unchanged. */
    MessagePolicy ACCEPT_ALL = (room, from, text) -> Verdict.accept(text);

    /**
     * @param room the room's name
     * @param from the sender's name
     * @param text what the sender said
     * @return {@link Verdict#accept(String)} with the text to store (the same or rewritten), or
     *         {@link Verdict#reject(String)} with a sentence the sender sees
     */
    Verdict review(String room, String from, String text);

    /** A policy's answer: the text to store, or why it is refused. */
    record Verdict(String text, String refusal) {

        /** Stores {@code text} (the sender's or a rewrite). */
        public static Verdict accept(String text) {
            return new Verdict(java.util.Objects.requireNonNull(text), null);
        }

        /** Refuses the message; {@code reason} is shown to the sender. */
        public static Verdict reject(String reason) {
            return new Verdict(null, java.util.Objects.requireNonNull(reason));
        }

        public boolean accepted() {
            return refusal == null;
        }
    }
}
