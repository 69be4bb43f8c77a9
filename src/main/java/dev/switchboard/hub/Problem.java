package dev.switchboard.hub;

/**
 * A refusal with a stable machine-readable {@code code} and a sentence for people.
 *
 * @param code    stable identifier clients can switch on, e.g. {@code text-too-long}
 * @param message what went wrong, readable by a person
 */
public record Problem(String code, String message) {
}
