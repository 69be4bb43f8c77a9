package dev.switchboard.bench.scenario;

import java.time.Duration;

/**
 * The sizes and timings of one benchmark invocation.
 *
 * @param warmup             how long each scenario runs before it is measured, at least
 * @param awaitJit           whether a JVM's warm-up also lasts until its JIT compilers have settled
 * @param duration           how long each scenario is measured
 * @param messageBytes       size of a message's text (the echo payload; the chat text inside its JSON event)
 * @param window             messages in flight per echo connection, and per fan-out publisher
 * @param echoConnections    connections of the echo scenario
 * @param subscribers        members of the fan-out room besides the publisher
 * @param connections        idle connections the connect scenario opens
 * @param handshakesInFlight handshakes the connect scenario keeps in flight
 * @param recoverMembers     members of the recover room
 * @param recoverGap         messages said while the recover room's members are away
 * @param busyRate           messages per second into the busy room (its members: {@code subscribers})
 */
public record Load(Duration warmup, boolean awaitJit, Duration duration, int messageBytes, int window,
                   int echoConnections, int subscribers, int connections, int handshakesInFlight, int recoverMembers,
                   int recoverGap, int busyRate, int c100kConnections) {
}
