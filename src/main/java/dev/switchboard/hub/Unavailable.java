package dev.switchboard.hub;

import java.util.concurrent.CompletionException;

/** The {@code unavailable} error a member gets when the engine could not take its message. */
public final class Unavailable {

    private Unavailable() {
    }

    /** The problem to report for a failed append: nothing was said, and the client may send it again. */
    public static Problem problem(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String why = cause instanceof EngineUnavailableException ? cause.getMessage() : "the engine failed";
        return new Problem("unavailable", "not sent, try again: " + why);
    }
}
