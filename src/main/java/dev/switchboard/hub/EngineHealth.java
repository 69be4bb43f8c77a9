package dev.switchboard.hub;

/**
 * An engine's state for {@code /health}.
 *
 * @param engine    the engine's name ({@code memory}, {@code embedded}, {@code redis})
 * @param available whether it takes messages now
 * @param detail    a short sentence about its state; never a secret
 */
public record EngineHealth(String engine, boolean available, String detail) {
}
