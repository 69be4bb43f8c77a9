package dev.switchboard.cdi;

import dev.switchboard.app.RunningSwitchboard;
import dev.switchboard.hub.EngineUnavailableException;
import dev.switchboard.hub.HistoryPage;
import dev.switchboard.hub.Hub;
import dev.switchboard.hub.Presence;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Switchboard's rooms for the application it is deployed in: inject it ({@code @Inject Rooms rooms}) to publish, read
 * history and see who is present. A message published here is like one published over the HTTP API: it passes the
 * same rules and {@code message.policy}, takes the next seq, is kept, and reaches every member.
 */
@ApplicationScoped
public class Rooms {

    private static final long DURABLE_WITHIN_SECONDS = 10;

    /**
     * Publishes {@code text} to {@code room} as {@code from} and waits until it is durable (at most 10 s).
     *
     * @return the message's seq in its room
     * @throws dev.switchboard.hub.InvalidMessageException with the problem (bad text, refused by the policy)
     * @throws EngineUnavailableException                  when the engine did not make it durable
     * @throws IllegalArgumentException                    for an invalid room name
     */
    public long publish(String room, String from, String text) {
        try {
            return hub().room(room, from).publish(from, text, null)
                    .get(DURABLE_WITHIN_SECONDS, TimeUnit.SECONDS).message().seq();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof EngineUnavailableException unavailable ? unavailable
                    : new EngineUnavailableException("the engine failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new EngineUnavailableException("the engine did not answer in " + DURABLE_WITHIN_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted", e);
        }
    }

    /** The names present in {@code room}, with their connection counts; empty when nobody is (or no such room). */
    public List<Presence> presence(String room) {
        return hub().existingRoom(room).map(found -> found.presence()).orElse(List.of());
    }

    /** The room's kept messages after {@code since}, at most {@code limit}; empty when the room does not exist. */
    public Optional<HistoryPage> history(String room, long since, int limit) {
        return hub().history(room, since, limit);
    }

    private Hub hub() {
        return RunningSwitchboard.get().orElseThrow(() -> new IllegalStateException(
                "Switchboard is not running in this application (yet)")).hub();
    }
}
