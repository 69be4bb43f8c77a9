package dev.switchboard.upgrade;

import java.util.Locale;

/**
 * The protocols this server switches a connection to, named as HTTP {@code Upgrade} tokens. The token, not the
 * port, is what tells one protocol from another on port 80.
 */
public final class UpgradeTokens {

    /** RFC 6455. */
    public static final String WEBSOCKET = "websocket";
    /** Our line protocol: UTF-8 text lines in both directions. */
    public static final String LINE = "switchboard-line/1";

    private UpgradeTokens() {
    }

    /** True when an {@code Upgrade} (or {@code Connection}) header value lists this token. */
    public static boolean has(String headerValue, String token) {
        if (headerValue == null) {
            return false;
        }
        for (String part : headerValue.split(",")) {
            if (part.trim().toLowerCase(Locale.ROOT).equals(token)) {
                return true;
            }
        }
        return false;
    }

    /** True when the header names a protocol we switch to; others (such as {@code h2c}) are ignored. */
    public static boolean isSwitchable(String upgradeHeader) {
        return has(upgradeHeader, WEBSOCKET) || has(upgradeHeader, LINE);
    }
}
