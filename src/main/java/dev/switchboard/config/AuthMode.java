package dev.switchboard.config;

import java.util.Locale;

/** How Switchboard knows who connects ({@code auth}). */
public enum AuthMode {
    /** Names are claimed and every room is open: for development and trusted networks. */
    OPEN,
    /** Every connection presents a signed token (JWT) that Switchboard verifies itself. */
    TOKEN,
    /** The application server's authenticated principal (WAR only). */
    CONTAINER,
    /** The application's own {@code IdentityResolver}, named by {@code auth.resolver}. */
    CUSTOM;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
