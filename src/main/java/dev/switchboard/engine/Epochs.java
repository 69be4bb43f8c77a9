package dev.switchboard.engine;

import java.security.SecureRandom;

/** New room epochs: random, so a room that lost its history never reuses the epoch of the history it lost. */
public final class Epochs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Epochs() {
    }

    /** Twelve base-36 characters. */
    public static String next() {
        StringBuilder epoch = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            epoch.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return epoch.toString();
    }
}
