package dev.switchboard.engine.embedded;

import dev.switchboard.engine.Epochs;
import dev.switchboard.hub.Appended;
import dev.switchboard.hub.EngineHealth;
import dev.switchboard.hub.EngineUnavailableException;
import dev.switchboard.hub.Flusher;
import dev.switchboard.hub.MessageDraft;
import dev.switchboard.hub.RoomEngine;
import dev.switchboard.hub.RoomFeed;
import dev.switchboard.hub.RoomSnapshot;
import dev.switchboard.hub.RoomSummary;
import dev.switchboard.hub.StoredMessage;

import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code embedded} engine, the default: rooms on local disk in SQLite, for one node with nothing to install.
 * <p>
 * One writer thread owns the store and every room's seq. It takes whatever appends are waiting (up to
 * {@value #MAX_BATCH}) and writes them in one transaction, so many publishes share one commit and its fsync; only
 * after the commit does it hand each message to its room, in seq order, and complete the publishers' futures.
 * Whatever a member has seen is therefore on disk. Opening a room goes through the same thread, so a room's
 * snapshot and its following messages meet with no gap.
 */
public final class EmbeddedEngine implements RoomEngine {

    private static final Logger LOG = Logger.getLogger(EmbeddedEngine.class.getName());
    static final int MAX_BATCH = 1024;
    private static final int QUEUE_CAPACITY = 16_384;
    private static final int MAX_LISTED_ROOMS = 10_000;
    private static final long OPEN_TIMEOUT_SECONDS = 30;

    private final DataDirectory directory;
    private final int historySize;
    private final MessageStore writer;
    private final MessageStore reader;
    private final BlockingQueue<Task> tasks = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writerThread;
    private volatile boolean closing;
    private volatile String lastFailure;

    // Owned by the writer thread.
    private final Map<String, MessageStore.RoomRow> rooms = new HashMap<>();
    private final Map<String, RoomFeed> feeds = new HashMap<>();

    /**
     * Opens (or creates) the store in {@code dataDir} and starts its writer.
     *
     * @throws StoreException when the directory cannot be used: not writable, locked by another process, not a
     *                        Switchboard store, or written by a newer version
     */
    public EmbeddedEngine(Path dataDir, int historySize) {
        this.historySize = historySize;
        this.directory = DataDirectory.lock(dataDir.toAbsolutePath());
        MessageStore writerStore = null;
        try {
            writerStore = MessageStore.openWriter(directory.path());
            this.writer = writerStore;
            this.reader = MessageStore.openReader(directory.path());
        } catch (RuntimeException e) {
            if (writerStore != null) {
                writerStore.close();
            }
            directory.close();
            deregisterDriver();
            throw e;
        }
        writerThread = new Thread(this::writeLoop, "switchboard-store-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    @Override
    public void open(String room, RoomFeed feed) {
        CompletableFuture<Appended> opened = new CompletableFuture<>();
        submit(new Task(room, null, feed, opened));
        try {
            opened.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof EngineUnavailableException unavailable
                    ? unavailable : new EngineUnavailableException("cannot open room " + room, e.getCause());
        } catch (TimeoutException e) {
            throw new EngineUnavailableException("the store did not open room " + room + " in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted while opening room " + room);
        }
    }

    @Override
    public void release(String room, RoomFeed feed) {
        Task release = new Task(room, null, feed, null);
        try {
            // Waits for room in the queue rather than keep a feed for a room nobody is in.
            if (!closing && !tasks.offer(release, OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("the store is overloaded; room " + room + " stays followed until it reopens");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public CompletableFuture<Appended> append(String room, MessageDraft draft) {
        CompletableFuture<Appended> appended = new CompletableFuture<>();
        try {
            submit(new Task(room, draft, null, appended));
        } catch (EngineUnavailableException e) {
            appended.completeExceptionally(e);
        }
        return appended;
    }

    private void submit(Task task) {
        if (closing) {
            throw new EngineUnavailableException("the store is closing");
        }
        if (!tasks.offer(task)) {
            throw new EngineUnavailableException("the store is overloaded; try again");
        }
    }

    @Override
    public List<RoomSummary> rooms() {
        return read(store -> store.rooms(MAX_LISTED_ROOMS));
    }

    @Override
    public long roomCount() {
        return read(MessageStore::roomCount);
    }

    @Override
    public boolean knows(String room) {
        return read(store -> store.exists(room));
    }

    /** A read on the reader's connection, which other threads share under its lock. */
    private <T> T read(StoreRead<T> query) {
        synchronized (reader) {
            try {
                return query.apply(reader);
            } catch (SQLException e) {
                throw new EngineUnavailableException("cannot read the store: " + e.getMessage(), e);
            }
        }
    }

    private interface StoreRead<T> {
        T apply(MessageStore store) throws SQLException;
    }

    @Override
    public EngineHealth health() {
        String failure = lastFailure;
        if (closing) {
            return new EngineHealth("embedded", false, "closing");
        }
        return failure == null
                ? new EngineHealth("embedded", true, "store " + directory.path().resolve("switchboard.db"))
                : new EngineHealth("embedded", false, "the last write failed: " + failure);
    }

    /** Writes what was submitted before, stops the writer and releases the store, its lock and the driver. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        writerThread.interrupt();
        try {
            writerThread.join(TimeUnit.SECONDS.toMillis(OPEN_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (reader) {
            reader.close();
        }
        writer.close();
        directory.close();
        deregisterDriver();
    }

    private void writeLoop() {
        List<Task> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                if (closing) {
                    if (tasks.drainTo(batch, MAX_BATCH) == 0) {
                        return;
                    }
                } else {
                    batch.add(tasks.take());
                    tasks.drainTo(batch, MAX_BATCH - 1);
                }
            } catch (InterruptedException e) {
                continue; // closing: drain what is left
            }
            write(batch);
            batch.clear();
        }
    }

    /** One transaction for the batch; then, in order, each room's snapshot or message and each future. */
    private void write(List<Task> batch) {
        List<Runnable> afterCommit = new ArrayList<>(batch.size());
        Map<String, Long> advanced = new HashMap<>();
        try {
            for (Task task : batch) {
                if (task.isRelease()) {
                    afterCommit.add(() -> {
                        if (feeds.remove(task.room, task.feed)) {
                            rooms.remove(task.room);
                        }
                    });
                    continue;
                }
                MessageStore.RoomRow row = roomRow(task.room);
                if (task.draft == null) {
                    RoomSnapshot snapshot = new RoomSnapshot(row.epoch(), row.lastSeq(),
                            tailOf(task.room, row.lastSeq()));
                    afterCommit.add(() -> {
                        feeds.put(task.room, task.feed);
                        task.feed.opened(snapshot);
                        task.future.complete(null);
                    });
                    continue;
                }
                Optional<StoredMessage> original = task.draft.clientId() == null ? Optional.empty()
                        : writer.byClientId(task.room, task.draft.from(), task.draft.clientId());
                if (original.isPresent()) {
                    afterCommit.add(() -> task.future.complete(new Appended(original.get(), true)));
                    continue;
                }
                StoredMessage message = task.draft.at(row.lastSeq() + 1);
                writer.insert(task.room, message);
                rooms.put(task.room, new MessageStore.RoomRow(row.epoch(), message.seq()));
                advanced.put(task.room, message.seq());
                afterCommit.add(() -> {
                    RoomFeed feed = feeds.get(task.room);
                    if (feed != null) {
                        feed.committed(message);
                    }
                    task.future.complete(new Appended(message, false));
                });
            }
            for (Map.Entry<String, Long> room : advanced.entrySet()) {
                writer.advance(room.getKey(), room.getValue(), historySize);
            }
            writer.commit();
            lastFailure = null;
        } catch (SQLException | RuntimeException e) {
            writer.rollback();
            rooms.clear(); // reloaded from what was committed
            batch.stream().filter(Task::isRelease).forEach(task -> feeds.remove(task.room, task.feed));
            lastFailure = e.getMessage();
            LOG.log(Level.WARNING, "a write to the store failed; its " + batch.size() + " requests were refused", e);
            EngineUnavailableException unavailable =
                    new EngineUnavailableException("the store cannot write now: " + e.getMessage(), e);
            batch.stream().filter(task -> !task.isRelease())
                    .forEach(task -> task.future.completeExceptionally(unavailable));
            return;
        }
        // One deferral for the whole batch: each member gets the batch's messages in one write, not one each.
        try (Flusher.Deferral writesAfterTheBatch = Flusher.defer()) {
            for (Runnable action : afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "delivering a committed message failed", e);
                }
            }
        }
    }

    private List<StoredMessage> tailOf(String room, long lastSeq) throws SQLException {
        return lastSeq == 0 ? Collections.emptyList() : writer.tail(room, historySize);
    }

    private MessageStore.RoomRow roomRow(String room) throws SQLException {
        MessageStore.RoomRow row = rooms.get(room);
        if (row == null) {
            Optional<MessageStore.RoomRow> stored = writer.room(room);
            if (stored.isPresent()) {
                row = stored.get();
            } else {
                row = new MessageStore.RoomRow(Epochs.next(), 0);
                writer.createRoom(room, row.epoch());
            }
            rooms.put(room, row);
        }
        return row;
    }

    /**
     * The driver registers itself with {@link DriverManager} when its class loads; in an application server that
     * would pin this application's class loader after undeploy.
     */
    private static void deregisterDriver() {
        ClassLoader ours = EmbeddedEngine.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    LOG.log(Level.FINE, "cannot deregister the SQLite driver", e);
                }
            }
        }
    }

    /** An append ({@code draft} set), an open ({@code feed} and {@code future} set) or a release (no future). */
    private record Task(String room, MessageDraft draft, RoomFeed feed, CompletableFuture<Appended> future) {
        boolean isRelease() {
            return future == null;
        }
    }
}
