package dev.switchboard.hub;

import java.util.Optional;
import java.util.regex.Pattern;

/** The validation rules shared by every transport: room names, member names and message text. */
public final class ChatRules {

    /** Longest message text, in characters. */
    public static final int MAX_TEXT_LENGTH = 4096;

    private static final Pattern ROOM = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern EPOCH = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ChatRules() {
    }

    public static boolean isValidRoom(String room) {
        return room != null && ROOM.matcher(room).matches();
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** A client's id for exactly-once sending: {@code [A-Za-z0-9_-]{1,64}}. */
    public static boolean isValidClientId(String id) {
        return id != null && CLIENT_ID.matcher(id).matches();
    }

    /** Why an {@code epoch} parameter is refused (absent is fine), or empty when it can be one. */
    public static Optional<String> checkEpoch(String epoch) {
        if (epoch == null || EPOCH.matcher(epoch).matches()) {
            return Optional.empty();
        }
        return Optional.of("epoch must match [A-Za-z0-9_-]{1,64}");
    }

    /** Why a room/name pair cannot join, or empty when it can. */
    public static Optional<String> checkAddress(String room, String name) {
        if (!isValidRoom(room)) {
            return Optional.of("room must match [a-z0-9_-]{1,64}");
        }
        if (!isValidName(name)) {
            return Optional.of("name must match [A-Za-z0-9_-]{1,32}");
        }
        return Optional.empty();
    }

    /** As {@link #checkAddress}, with the name optional (a token names the member). */
    public static Optional<String> checkAddressNameOptional(String room, String name) {
        return name == null && isValidRoom(room) ? Optional.empty() : checkAddress(room, name);
    }

    /** Why a {@code since} parameter is refused (absent is fine), or empty when it is a seq. */
    public static Optional<String> checkSince(String since) {
        if (since == null || since.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of("since must be a message seq (a whole number, 0 or more)");
    }

    /** Why a message text is refused, or empty when it is fine. */
    public static Optional<Problem> checkText(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of(new Problem("empty-text", "text is missing or empty"));
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return Optional.of(new Problem("text-too-long",
                    "text has " + text.length() + " characters; the limit is " + MAX_TEXT_LENGTH));
        }
        return Optional.empty();
    }
}
