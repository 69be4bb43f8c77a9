package dev.switchboard.websocket;

import java.util.concurrent.Executor;

/**
 * What the WebSocket endpoints need besides the hub.
 *
 * @param maxMessageBytes largest incoming message; larger ones are closed with 1009
 * @param queueLimits     bounds of each connection's outbound queue
 * @param closer          runs closes that must not happen on the thread that detected the reason for them
 */
public record WebSocketSettings(int maxMessageBytes, QueueLimits queueLimits, Executor closer) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
}
