package dev.switchboard.auth;

import java.util.Locale;
import java.util.Optional;

/** What an identity may do in a room; a token's {@code rooms} claim names them. */
public enum Permission {
    /** Join the room and receive its messages. */
    SUB,
    /** Say messages in it. */
    PUB,
    /** Read its history: {@code since} replay and {@code GET .../messages}. */
    HIST,
    /** See who is in it: the welcome's member list, join and leave events, {@code GET .../members}. */
    PRES;

    /** The claim's spelling: {@code sub}, {@code pub}, {@code hist}, {@code pres}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Permission> ofClaim(String claim) {
        for (Permission permission : values()) {
            if (permission.claim().equals(claim)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }
}
