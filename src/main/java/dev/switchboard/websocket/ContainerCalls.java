package dev.switchboard.websocket;

/**
 * Runs calls into the WebSocket container with the platform class loader as the thread's context class loader.
 * <p>
 * GlassFish 7's Tyrus (2.1.5) restarts a session's idle timer on every send, and on every change of its idle
 * timeout, by scheduling a task on the container's managed executor, whose context capture looks up service
 * providers through the context class loader: a scan of the application's jars each time, 30% of GlassFish's CPU in a
 * fan-out (async-profiler). Nothing in those calls needs the application's class loader, and the platform's answers
 * that lookup in a fraction of the time. Elsewhere the swap costs two field writes.
 */
final class ContainerCalls {

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private ContainerCalls() {
    }

    static void run(Runnable call) {
        Thread thread = Thread.currentThread();
        ClassLoader application = thread.getContextClassLoader();
        thread.setContextClassLoader(PLATFORM);
        try {
            call.run();
        } finally {
            thread.setContextClassLoader(application);
        }
    }
}
