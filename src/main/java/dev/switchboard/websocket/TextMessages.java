package dev.switchboard.websocket;

import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.util.function.Consumer;

/**
 * Hands an endpoint its peer's text messages whole, counted against {@code max.message.bytes} whatever the framing.
 * <p>
 * Where the container decodes the parts of a fragmented message correctly, they are taken one by one and the count
 * stops a message over the limit at the part that crosses it. Open Liberty decodes each part on its own, so a valid
 * character split between two frames is refused with 1007 "Invalid UTF-8 data received" (Autobahn 6.2.3, 6.2.4,
 * 6.4.2; {@code com.ibm.ws.wsoc}); there the container assembles the message and it is counted once, Liberty itself
 * holding fragmented messages to {@code setMaxTextMessageBufferSize} (see src/docs/conformance.md).
 */
final class TextMessages {

    private static final String LIBERTY_SESSIONS = "com.ibm.ws.wsoc.";

    private TextMessages() {
    }

    /**
     * Registers the session's text handler: each message within {@code limit} goes to {@code onMessage}, a message
     * over it calls {@code onTooBig} (which closes the connection) and is dropped.
     */
    static void handle(Session session, MessageSizeLimit limit, Consumer<String> onMessage, Runnable onTooBig) {
        if (session.getClass().getName().startsWith(LIBERTY_SESSIONS)) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) message -> {
                boolean within = limit.add(Utf8.length(message));
                limit.reset();
                if (within) {
                    onMessage.accept(message);
                } else {
                    onTooBig.run();
                }
            });
            return;
        }
        StringBuilder text = new StringBuilder();
        session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) -> {
            if (!limit.add(Utf8.length(part))) {
                text.setLength(0);
                onTooBig.run();
                return;
            }
            if (last && text.length() == 0) {
                limit.reset();
                onMessage.accept(part);
            } else if (last) {
                limit.reset();
                onMessage.accept(text.append(part).toString());
                text.setLength(0);
            } else {
                text.append(part);
            }
        });
    }
}
